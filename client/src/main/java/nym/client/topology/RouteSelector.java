package nym.client.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import nym.client.ClientException;
import nym.sphinx.RouteHop;
import nym.sphinx.Routes;

/**
 * Picks routes over a topology: one mix node chosen uniformly per layer, each with its own exponential delay (mean
 * the topology's {@link Mixing#meanHopDelay}, full nanosecond resolution, drawn by {@link Routes#exponentialDelayNanos}),
 * then the recipient's gateway as final hop with no delay (gateways store at once). Not thread-safe when the
 * generator is not.
 */
public final class RouteSelector {

    private final RandomGenerator random;

    public RouteSelector(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @throws ClientException {@link ClientException.Kind#TOPOLOGY} when there is no layer or a layer is empty
     */
    public Route select(MixTopology topology, GatewayNode finalGateway) {
        if (topology.layers().isEmpty()) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY, "the topology has no mix layer: no route possible");
        }
        List<MixNode> mixes = new ArrayList<>(topology.layers().size());
        List<RouteHop> hops = new ArrayList<>(topology.layers().size() + 1);
        for (int i = 0; i < topology.layers().size(); i++) {
            List<MixNode> layer = topology.layers().get(i);
            if (layer.isEmpty()) {
                throw new ClientException(
                        ClientException.Kind.TOPOLOGY, "layer " + (i + 1) + " has no mix node: no route possible");
            }
            MixNode mix = layer.get(random.nextInt(layer.size()));
            mixes.add(mix);
            hops.add(new RouteHop(
                    mix.sphinxKey(),
                    Routes.exponentialDelayNanos(topology.mixing().meanHopDelay(), random)));
        }
        hops.add(new RouteHop(finalGateway.sphinxKey(), 0));
        return new Route(mixes, finalGateway, hops);
    }
}
