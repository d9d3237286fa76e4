package nym.client.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import nym.client.testing.Topologies;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.sphinx.NodePublicKey;
import org.junit.jupiter.api.Test;

class MixTopologyTest {

    @Test
    void from_document_itsLayersThisEpochsSphinxKeysAndMixing() {
        EpochDocument d = Topologies.epoch(7, 2, 2);
        MixTopology t = MixTopology.from(d);
        assertEquals(7, t.epoch());
        assertEquals(d.startMillis(), t.startMillis());
        assertEquals(d.validUntilMillis(), t.validUntilMillis());
        assertEquals(new Mixing(Duration.ofMillis(50), 2.0, 1.0, 1.0), t.mixing());
        for (int layer = 0; layer < 3; layer++) {
            for (int i = 0; i < 2; i++) {
                EpochDocument.Mixnode listed = d.mixnodes().get(layer).nodes().get(i);
                MixNode node = t.layers().get(layer).get(i);
                assertEquals(listed.identityKey(), node.identityKey());
                assertEquals(layer + 1, node.layer());
                assertEquals(key(listed.sphinxKey()), node.sphinxKey()); // not nextSphinxKey
            }
        }
        assertEquals(key(d.gateways().get(1).sphinxKey()), t.gateways().get(1).sphinxKey());
        assertEquals(0, t.skipped());
    }

    @Test
    void from_malformedKeysAndMisplacedLayers_entriesSkippedAndCounted() {
        EpochDocument full = Topologies.of(2, 2);
        EpochDocument.Mixnode good = full.mixnodes().get(0).nodes().get(0);
        EpochDocument.Mixnode badKey = new EpochDocument.Mixnode(
                good.identityKey(),
                good.host(),
                1,
                "not-a-key",
                good.nextSphinxKey(),
                good.version(),
                good.location(),
                null);
        EpochDocument.Mixnode wrongLayer = new EpochDocument.Mixnode(
                good.identityKey(), good.host(), 2, good.sphinxKey(), good.nextSphinxKey(), "v", "l", null);
        EpochDocument.Gateway gw = full.gateways().get(0);
        EpochDocument.Gateway badGateway = new EpochDocument.Gateway(
                gw.identityKey(), gw.clientListener(), gw.mixnetListener(), "AAAA", gw.nextSphinxKey(), "v", "l", null);
        EpochDocument mixed = withNodes(
                full,
                List.of(
                        new EpochDocument.Layer(1, List.of(good, badKey, wrongLayer)),
                        new EpochDocument.Layer(2, List.of()),
                        new EpochDocument.Layer(3, List.of())),
                List.of(gw, badGateway));
        MixTopology t = MixTopology.from(mixed);
        assertEquals(3, t.skipped());
        assertEquals(List.of(1, 0, 0), t.layers().stream().map(List::size).toList());
        assertEquals(1, t.gateways().size());
        assertFalse(t.canRoute());
    }

    private static NodePublicKey key(String text) {
        return NodePublicKey.of(Keys.decode(text, Keys.PUBLIC_KEY_BYTES, "key"));
    }

    @Test
    void from_performance_carriedPerNodeAndOutOfRangeScoresSkipped() {
        EpochDocument full = Topologies.of(3, 1);
        List<EpochDocument.Mixnode> first = full.mixnodes().get(0).nodes();
        EpochDocument scored = withNodes(
                full,
                List.of(
                        new EpochDocument.Layer(
                                1,
                                List.of(
                                        withPerformance(first.get(0), 640),
                                        withPerformance(first.get(1), 1001),
                                        withPerformance(first.get(2), -1))),
                        full.mixnodes().get(1),
                        full.mixnodes().get(2)),
                full.gateways());
        MixTopology t = MixTopology.from(scored);
        assertEquals(2, t.skipped());
        assertEquals(1, t.layers().get(0).size());
        assertEquals(640, t.layers().get(0).get(0).performance());
        assertEquals(null, t.layers().get(1).get(0).performance());
        assertEquals(MixNode.FULL_PERFORMANCE, t.layers().get(1).get(0).routingWeight());
    }

    /** {@code full} with other layers and gateways, everything else as it was. */
    private static EpochDocument withNodes(
            EpochDocument full, List<EpochDocument.Layer> layers, List<EpochDocument.Gateway> gateways) {
        return new EpochDocument(
                full.version(),
                full.epoch(),
                full.startMillis(),
                full.endMillis(),
                full.validUntilMillis(),
                full.layerSeed(),
                full.mixing(),
                layers,
                gateways);
    }

    private static EpochDocument.Mixnode withPerformance(EpochDocument.Mixnode n, Integer performance) {
        return new EpochDocument.Mixnode(
                n.identityKey(),
                n.host(),
                n.layer(),
                n.sphinxKey(),
                n.nextSphinxKey(),
                n.version(),
                n.location(),
                performance);
    }
}
