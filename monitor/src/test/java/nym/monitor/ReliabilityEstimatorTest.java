package nym.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link ReliabilityEstimator} on simulated routes: 3 layers of 4 mix nodes and 3 gateways, routes as clients pick. */
class ReliabilityEstimatorTest {

    private static final int LAYERS = 3;
    private static final int PER_LAYER = 4;
    private static final int GATEWAYS = 3;

    /** Routes drawn uniformly per layer (the client's selection); each node forwards with its probability. */
    private static List<RouteOutcome> simulate(int loops, Map<String, Double> forwarding, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RouteOutcome> outcomes = new ArrayList<>();
        for (int k = 0; k < loops; k++) {
            List<String> route = new ArrayList<>();
            for (int layer = 1; layer <= LAYERS; layer++) {
                route.add("mix-" + layer + "-" + random.nextInt(PER_LAYER));
            }
            route.add("gateway-" + random.nextInt(GATEWAYS));
            boolean back = route.stream().allMatch(n -> random.nextDouble() < forwarding.getOrDefault(n, 1.0));
            outcomes.add(new RouteOutcome(route, back));
        }
        return outcomes;
    }

    private static Map<String, NodeScore> byNode(List<NodeScore> scores) {
        return scores.stream().collect(Collectors.toMap(NodeScore::identity, s -> s));
    }

    @Test
    void nodeDroppingHalf_aboutFiveHundredWhileEveryNeighbourStaysHigh() {
        List<RouteOutcome> outcomes = simulate(4000, Map.of("mix-2-1", 0.5), 21);

        Map<String, NodeScore> scores = byNode(new ReliabilityEstimator(5).estimate(outcomes));

        assertEquals(LAYERS * PER_LAYER + GATEWAYS, scores.size(), "every node is on enough routes");
        int bad = scores.get("mix-2-1").performance();
        assertTrue(bad >= 450 && bad <= 550, "the half-dropping node: " + bad);
        scores.values().stream()
                .filter(s -> !s.identity().equals("mix-2-1"))
                .forEach(s -> assertTrue(s.performance() >= 950, s.toString()));
        // the point of the estimator: a node's own return rate also counts its neighbours' losses
        double naive = returnRate(outcomes, "mix-1-0");
        assertTrue(naive < 0.95, "mix-1-0's routes return " + naive + " of the time though it drops nothing");
    }

    @Test
    void allHonestWithAlittleLossEverywhere_allAtLeast950() {
        Map<String, Double> slightLoss = new java.util.HashMap<>();
        for (int layer = 1; layer <= LAYERS; layer++) {
            for (int n = 0; n < PER_LAYER; n++) {
                slightLoss.put("mix-" + layer + "-" + n, 0.995);
            }
        }
        List<RouteOutcome> outcomes = simulate(3000, slightLoss, 7);

        List<NodeScore> scores = new ReliabilityEstimator(5).estimate(outcomes);

        assertEquals(LAYERS * PER_LAYER + GATEWAYS, scores.size());
        scores.forEach(s -> assertTrue(s.performance() >= 950, s.toString()));
    }

    @Test
    void everyLoopBack_everyNodeAtAThousandWithItsRouteCount() {
        List<RouteOutcome> outcomes = simulate(600, Map.of(), 3);

        List<NodeScore> scores = new ReliabilityEstimator(5).estimate(outcomes);

        scores.forEach(s -> assertEquals(1000, s.performance(), s.toString()));
        int crossings = scores.stream().mapToInt(NodeScore::samples).sum();
        assertEquals(600 * (LAYERS + 1), crossings, "samples = routes through each node");
    }

    @Test
    void deadNode_zero() {
        List<RouteOutcome> outcomes = simulate(2000, Map.of("gateway-2", 0.0), 5);

        Map<String, NodeScore> scores = byNode(new ReliabilityEstimator(5).estimate(outcomes));

        assertEquals(0, scores.get("gateway-2").performance());
        assertTrue(
                scores.get("mix-3-3").performance() >= 950,
                scores.get("mix-3-3").toString());
    }

    @Test
    void nodeOnFewerRoutesThanTheMinimum_notScored() {
        List<RouteOutcome> outcomes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            outcomes.add(new RouteOutcome(List.of("a", k < 4 ? "rare" : "b", "gw"), true));
        }

        Map<String, NodeScore> scores = byNode(new ReliabilityEstimator(5).estimate(outcomes));

        assertEquals(List.of("a", "b", "gw"), scores.keySet().stream().sorted().toList());
        assertEquals(6, scores.get("b").samples());
    }

    @Test
    void sameOutcomes_sameScores() {
        List<RouteOutcome> outcomes = simulate(1500, Map.of("mix-1-2", 0.7), 11);

        assertEquals(new ReliabilityEstimator(5).estimate(outcomes), new ReliabilityEstimator(5).estimate(outcomes));
    }

    @Test
    void noOutcomes_noScores() {
        assertEquals(List.of(), new ReliabilityEstimator(5).estimate(List.of()));
    }

    @Test
    void badInput_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ReliabilityEstimator(0));
        assertThrows(IllegalArgumentException.class, () -> new RouteOutcome(List.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new RouteOutcome(List.of("a", "a"), true));
    }

    private static double returnRate(List<RouteOutcome> outcomes, String node) {
        List<RouteOutcome> through =
                outcomes.stream().filter(o -> o.nodes().contains(node)).toList();
        return (double) through.stream().filter(RouteOutcome::returned).count() / through.size();
    }
}
