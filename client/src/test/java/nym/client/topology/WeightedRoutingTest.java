package nym.client.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import nym.sphinx.NodeKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Route selection by the monitors' performance scores (seeded generators: the counts are reproducible). */
class WeightedRoutingTest {

    /** χ² with 2 degrees of freedom above this happens by chance with probability 0.001. */
    private static final double CHI_SQUARE_2_DF_P001 = 13.82;

    private static final int ROUTES = 40_000;
    private static final SecureRandom KEYS = new SecureRandom();

    private final Logger log = Logger.getLogger(RouteSelector.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    WeightedRoutingTest() {
        log.addHandler(capture);
    }

    @AfterEach
    void removeCapture() {
        log.removeHandler(capture);
    }

    @Test
    void select_scoredLayer_eachNodeAsOftenAsItsPerformanceSays() {
        List<MixNode> first = List.of(node(1, 1000), node(1, 750), node(1, null), node(1, 250));
        MixTopology topology = topology(1, first);
        Map<MixNode, Integer> counts = firstLayerCounts(new RouteSelector(new SplittableRandom(11)), topology);

        assertFalse(counts.containsKey(first.get(3)), "a node below the default minimum of 500 is never chosen");
        double chiSquare = chiSquare(counts, first.subList(0, 3), new double[] {1000, 750, 1000});
        assertTrue(chiSquare < CHI_SQUARE_2_DF_P001, "χ² " + chiSquare + " for counts " + counts.values());
    }

    @Test
    void select_nullPerformance_weightedAsAFullScore() {
        List<MixNode> first = List.of(node(1, null), node(1, 1000), node(1, 500));
        Map<MixNode, Integer> counts = firstLayerCounts(new RouteSelector(new SplittableRandom(5)), topology(1, first));

        double chiSquare = chiSquare(counts, first, new double[] {1000, 1000, 500});
        assertTrue(chiSquare < CHI_SQUARE_2_DF_P001, "χ² " + chiSquare + " for counts " + counts.values());
    }

    @Test
    void select_nodeJustBelowTheConfiguredMinimum_neverChosen() {
        MixNode below = node(1, 799);
        MixNode at = node(1, 800);
        Map<MixNode, Integer> counts = firstLayerCounts(
                new RouteSelector(new SplittableRandom(3), 800), topology(1, List.of(below, at, node(1, 1000))));
        assertFalse(counts.containsKey(below));
        assertTrue(counts.get(at) > 0);
        assertTrue(logged.isEmpty(), "no layer fell back");
    }

    @Test
    void select_everyNodeOfALayerBelowTheMinimum_theWholeLayerUsedByWeightAndLoggedOncePerEpoch() {
        List<MixNode> weak = List.of(node(1, 100), node(1, 300), node(1, 200));
        MixTopology epoch7 = topology(7, weak);
        RouteSelector selector = new RouteSelector(new SplittableRandom(9));

        Map<MixNode, Integer> counts = firstLayerCounts(selector, epoch7);
        double chiSquare = chiSquare(counts, weak, new double[] {100, 300, 200});
        assertTrue(chiSquare < CHI_SQUARE_2_DF_P001, "χ² " + chiSquare + " for counts " + counts.values());
        // the same epoch again under other mixing parameters (a client's override) is no new epoch
        selector.select(
                epoch7.withMixing(new Mixing(Duration.ofMillis(5), 1, 1, 1)),
                epoch7.gateways().get(0));
        assertEquals(1, logged.size(), "once per epoch");
        assertTrue(logged.get(0).getMessage().contains("epoch 7"), logged.get(0).getMessage());
        assertTrue(
                logged.get(0).getMessage().contains("layer(s) [1]"),
                logged.get(0).getMessage());

        MixTopology epoch8 = topology(8, weak);
        selector.select(epoch8, epoch8.gateways().get(0));
        assertEquals(2, logged.size(), "a new epoch is logged again");
    }

    @Test
    void select_aLayerScoredZeroWithMinimumZero_drawnUniformly() {
        List<MixNode> zero = List.of(node(1, 0), node(1, 0));
        Map<MixNode, Integer> counts =
                firstLayerCounts(new RouteSelector(new SplittableRandom(2), 0), topology(1, zero));
        assertEquals(2, counts.size());
    }

    @Test
    void constructor_minimumOutsidePerMille_refused() {
        SplittableRandom random = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class, () -> new RouteSelector(random, 1001));
        assertThrows(IllegalArgumentException.class, () -> new RouteSelector(random, -1));
    }

    private static Map<MixNode, Integer> firstLayerCounts(RouteSelector selector, MixTopology topology) {
        Map<MixNode, Integer> counts = new HashMap<>();
        for (int i = 0; i < ROUTES; i++) {
            counts.merge(
                    selector.select(topology, topology.gateways().get(0))
                            .mixes()
                            .get(0),
                    1,
                    Integer::sum);
        }
        return counts;
    }

    /** Pearson's χ² of the counts of {@code nodes} against shares proportional to {@code weights}. */
    private static double chiSquare(Map<MixNode, Integer> counts, List<MixNode> nodes, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double chiSquare = 0;
        for (int i = 0; i < nodes.size(); i++) {
            double expected = ROUTES * weights[i] / total;
            double diff = counts.getOrDefault(nodes.get(i), 0) - expected;
            chiSquare += diff * diff / expected;
        }
        return chiSquare;
    }

    /** Three layers: {@code firstLayer}, then one fully scored node in each of layers 2 and 3, and one gateway. */
    private static MixTopology topology(long epoch, List<MixNode> firstLayer) {
        return new MixTopology(
                epoch,
                0,
                Long.MAX_VALUE,
                new Mixing(Duration.ofMillis(50), 2.0, 1.0, 1.0),
                List.of(firstLayer, List.of(node(2, 1000)), List.of(node(3, 1000))),
                List.of(new GatewayNode("gw", NodeKeyPair.generate(KEYS).publicKey(), "c", "m")),
                0);
    }

    private static MixNode node(int layer, Integer performance) {
        NodeKeyPair keys = NodeKeyPair.generate(KEYS);
        return new MixNode("node-" + keys.publicKey(), keys.publicKey(), layer, "h", performance);
    }
}
