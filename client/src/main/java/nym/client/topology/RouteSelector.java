package nym.client.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import nym.client.ClientException;
import nym.sphinx.RouteHop;
import nym.sphinx.Routes;

/**
 * Picks routes over a topology: one mix node per layer, drawn with probability proportional to its performance (the
 * network monitors' score in the epoch document, per mille; a node without one counts as 1000) among the nodes scored
 * at least {@code minPerformance}; when no node of a layer reaches it the whole layer is used, and that is logged
 * once per epoch. Each hop gets its own exponential delay (mean the topology's {@link Mixing#meanHopDelay}, full
 * nanosecond resolution, drawn by {@link Routes#exponentialDelayNanos}), then the recipient's gateway is the final
 * hop with no delay (gateways store at once). Safe for concurrent use when the generator is.
 */
public final class RouteSelector {

    /** {@code routing.min_performance} of a client that does not set it, per mille. */
    public static final int DEFAULT_MIN_PERFORMANCE = 500;

    private static final Logger LOG = Logger.getLogger(RouteSelector.class.getName());

    /** The layers of the topology routed over last, weighted once rather than for every packet. */
    private record Weighted(MixTopology topology, List<WeightedLayer> layers) {}

    private final RandomGenerator random;
    private final int minPerformance;
    private final AtomicLong fallbackLoggedEpoch = new AtomicLong(Long.MIN_VALUE);
    private volatile Weighted weighted;

    /** A selector with the default minimum performance. */
    public RouteSelector(RandomGenerator random) {
        this(random, DEFAULT_MIN_PERFORMANCE);
    }

    /** @param minPerformance nodes scored below this (per mille, 0..1000) are skipped while their layer has others */
    public RouteSelector(RandomGenerator random, int minPerformance) {
        if (minPerformance < 0 || minPerformance > MixNode.FULL_PERFORMANCE) {
            throw new IllegalArgumentException(
                    "the minimum performance is per mille, 0.." + MixNode.FULL_PERFORMANCE + ": " + minPerformance);
        }
        this.random = Objects.requireNonNull(random, "random");
        this.minPerformance = minPerformance;
    }

    /**
     * @throws ClientException {@link ClientException.Kind#TOPOLOGY} when there is no layer or a layer is empty
     */
    public Route select(MixTopology topology, GatewayNode finalGateway) {
        List<WeightedLayer> layers = weightedLayers(topology);
        List<MixNode> mixes = new ArrayList<>(layers.size());
        List<RouteHop> hops = new ArrayList<>(layers.size() + 1);
        for (WeightedLayer layer : layers) {
            MixNode mix = layer.pick(random);
            mixes.add(mix);
            hops.add(new RouteHop(
                    mix.sphinxKey(),
                    Routes.exponentialDelayNanos(topology.mixing().meanHopDelay(), random)));
        }
        hops.add(new RouteHop(finalGateway.sphinxKey(), 0));
        return new Route(mixes, finalGateway, hops);
    }

    private List<WeightedLayer> weightedLayers(MixTopology topology) {
        Weighted held = weighted;
        if (held != null && held.topology() == topology) {
            return held.layers();
        }
        if (topology.layers().isEmpty()) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY, "the topology has no mix layer: no route possible");
        }
        List<WeightedLayer> layers = new ArrayList<>(topology.layers().size());
        List<Integer> fellBack = new ArrayList<>();
        for (int i = 0; i < topology.layers().size(); i++) {
            List<MixNode> layer = topology.layers().get(i);
            if (layer.isEmpty()) {
                throw new ClientException(
                        ClientException.Kind.TOPOLOGY, "layer " + (i + 1) + " has no mix node: no route possible");
            }
            WeightedLayer w = WeightedLayer.of(layer, minPerformance);
            if (w.fellBack()) {
                fellBack.add(i + 1);
            }
            layers.add(w);
        }
        if (!fellBack.isEmpty()) {
            logFallback(topology.epoch(), fellBack);
        }
        weighted = new Weighted(topology, layers);
        return layers;
    }

    private void logFallback(long epoch, List<Integer> layers) {
        long logged = fallbackLoggedEpoch.get();
        if (logged != epoch && fallbackLoggedEpoch.compareAndSet(logged, epoch)) {
            LOG.warning("epoch " + epoch + ": every node of layer(s) " + layers + " is scored below"
                    + " routing.min_performance " + minPerformance + "; routing over the whole layer this epoch");
        }
    }
}
