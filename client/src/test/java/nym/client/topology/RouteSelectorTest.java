package nym.client.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nym.client.ClientException;
import nym.client.testing.Topologies;
import nym.directory.api.Topology;
import org.junit.jupiter.api.Test;

class RouteSelectorTest {

    private final MixTopology topology = MixTopology.from(Topologies.of(3, 2));

    @Test
    void select_threeLayers_oneNodePerLayerInOrderThenTheGatewayWithoutDelay() {
        RouteSelector selector = new RouteSelector(Duration.ofMillis(50), new SplittableRandom(1));
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
        RouteSelector selector = new RouteSelector(Duration.ofMillis(1), new SplittableRandom(7));
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
        Topology full = Topologies.of(2, 1);
        Topology broken = new Topology(
                full.generatedAt(),
                full.expiryMillis(),
                List.of(
                        full.mixnodes().get(0),
                        new Topology.Layer(2, List.of()),
                        full.mixnodes().get(2)),
                full.gateways(),
                List.of());
        MixTopology t = MixTopology.from(broken);
        RouteSelector selector = new RouteSelector(Duration.ofMillis(1), new SplittableRandom(1));
        ClientException e = assertThrows(
                ClientException.class, () -> selector.select(t, t.gateways().get(0)));
        assertEquals(ClientException.Kind.TOPOLOGY, e.kind());
        assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
    }

    @Test
    void from_malformedKeysAndLayers_entriesSkippedAndCounted() {
        Topology full = Topologies.of(2, 2);
        Topology.Mixnode good = full.mixnodes().get(0).nodes().get(0);
        Topology.Mixnode badKey = new Topology.Mixnode(
                good.host(), good.identityKey(), "not-a-key", 1, good.version(), good.location(), 1L);
        Topology.Mixnode badLayer = new Topology.Mixnode(
                good.host(), good.identityKey(), good.sphinxKey(), 7, good.version(), good.location(), 1L);
        Topology.Gateway gw = full.gateways().get(0);
        Topology.Gateway badGateway = new Topology.Gateway(
                gw.clientListener(), gw.mixnetListener(), gw.identityKey(), "AAAA", gw.version(), gw.location(), 1L);
        Topology mixed = new Topology(
                1L,
                1L,
                List.of(new Topology.Layer(1, List.of(good, badKey, badLayer))),
                List.of(gw, badGateway),
                List.of());
        MixTopology t = MixTopology.from(mixed);
        assertEquals(3, t.skipped());
        assertEquals(List.of(1, 0, 0), t.layers().stream().map(List::size).toList());
        assertEquals(1, t.gateways().size());
        assertTrue(!t.canRoute());
    }
}
