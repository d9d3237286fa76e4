package nym.sphinx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Route helpers for a layered (stratified) mixnet with Poisson mixing: one node per layer, exponential delays. */
public final class Routes {

    private Routes() {}

    /**
     * A delay drawn from the exponential distribution with the given mean, in nanoseconds (inverse transform sampling;
     * capped at 1000 means so a pathological draw cannot park a packet for days).
     */
    public static long exponentialDelayNanos(Duration mean, RandomGenerator random) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(random, "random");
        if (mean.isNegative()) {
            throw new IllegalArgumentException("mean delay must not be negative");
        }
        double meanNanos = mean.toNanos();
        double u = random.nextDouble(); // [0, 1)
        double d = -meanNanos * Math.log1p(-u);
        return (long) Math.min(d, meanNanos * 1000.0);
    }

    /**
     * A route through {@code layers}: one node picked uniformly from each layer, in order, each hop with its own
     * exponential delay of mean {@code meanDelay}.
     *
     * @throws SphinxException {@link SphinxException.Kind#INVALID_ROUTE} when there are no layers, more than {@value
     *     SphinxSizes#MAX_HOPS}, or an empty layer
     */
    public static List<RouteHop> layered(
            List<? extends List<NodePublicKey>> layers, Duration meanDelay, RandomGenerator random)
            throws SphinxException {
        Objects.requireNonNull(layers, "layers");
        if (layers.isEmpty() || layers.size() > SphinxSizes.MAX_HOPS) {
            throw new SphinxException(
                    SphinxException.Kind.INVALID_ROUTE,
                    "a route has 1 to " + SphinxSizes.MAX_HOPS + " layers, got " + layers.size());
        }
        List<RouteHop> route = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            List<NodePublicKey> layer = layers.get(i);
            if (layer == null || layer.isEmpty()) {
                throw new SphinxException(SphinxException.Kind.INVALID_ROUTE, "layer " + i + " has no nodes");
            }
            NodePublicKey node = layer.get(random.nextInt(layer.size()));
            route.add(new RouteHop(node, exponentialDelayNanos(meanDelay, random)));
        }
        return List.copyOf(route);
    }
}
