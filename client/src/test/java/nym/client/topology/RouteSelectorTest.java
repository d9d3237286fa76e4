package nym.client.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nym.client.ClientException;
import nym.client.testing.Topologies;
import nym.directory.api.EpochDocument;
import org.junit.jupiter.api.Test;

class RouteSelectorTest {

    private final MixTopology topology = MixTopology.from(Topologies.of(3, 2));

    @Test
    void select_threeLayers_oneNodePerLayerInOrderThenTheGatewayWithoutDelay() {
        RouteSelector selector = new RouteSelector(new SplittableRandom(1));
        GatewayNode gateway = topology.gateways().get(1);
        for (int i = 0; i < 100; i++) {
            Route route = selector.select(topology, gateway);
            assertEquals(4, route.hops().size());
            for (int layer = 0; layer < 3; layer++) {
                MixNode mix = route.mixes().get(layer);
                assertEquals(layer + 1, mix.layer());
                assertTrue(topology.layers().get(layer).contains(mix));
                assertEquals(mix.sphinxKey(), route.hops().get(layer).node());
            }
            assertEquals(gateway.sphinxKey(), route.hops().get(3).node());
            assertEquals(0, route.hops().get(3).delayNanos());
        }
    }

    @Test
    void select_manyRoutes_everyNodeOfALayerAboutEquallyOften() {
        RouteSelector selector = new RouteSelector(new SplittableRandom(7));
        Map<MixNode, Integer> counts = new HashMap<>();
        int routes = 30_000;
        for (int i = 0; i < routes; i++) {
            selector.select(topology, topology.gateways().get(0))
                    .mixes()
                    .forEach(m -> counts.merge(m, 1, Integer::sum));
        }
        assertEquals(9, counts.size());
        // each node expected routes/3 = 10,000 times, sd ~ 82: 5% is more than 6 sd
        counts.values().forEach(c -> assertTrue(Math.abs(c - routes / 3) < routes / 3 * 0.05, "count " + c));
    }

    @Test
    void select_emptyLayer_refusedWithTopologyError() {
        EpochDocument full = Topologies.of(2, 1);
        EpochDocument broken = withLayers(
                full,
                List.of(
                        full.mixnodes().get(0),
                        new EpochDocument.Layer(2, List.of()),
                        full.mixnodes().get(2)));
        MixTopology t = MixTopology.from(broken);
        RouteSelector selector = new RouteSelector(new SplittableRandom(1));
        ClientException e = assertThrows(
                ClientException.class, () -> selector.select(t, t.gateways().get(0)));
        assertEquals(ClientException.Kind.TOPOLOGY, e.kind());
        assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
    }

    @Test
    void select_noLayerAtAll_refusedWithTopologyError() {
        EpochDocument full = Topologies.of(2, 1);
        MixTopology t = MixTopology.from(withLayers(full, List.of()));
        RouteSelector selector = new RouteSelector(new SplittableRandom(1));
        ClientException e = assertThrows(
                ClientException.class, () -> selector.select(t, t.gateways().get(0)));
        assertEquals(ClientException.Kind.TOPOLOGY, e.kind());
    }

    static EpochDocument withLayers(EpochDocument d, List<EpochDocument.Layer> layers) {
        return new EpochDocument(
                d.version(),
                d.epoch(),
                d.startMillis(),
                d.endMillis(),
                d.validUntilMillis(),
                d.layerSeed(),
                d.mixing(),
                layers,
                d.gateways());
    }
}
