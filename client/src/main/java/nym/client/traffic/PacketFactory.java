package nym.client.traffic;

import java.security.SecureRandom;
import java.util.List;
import nym.client.ClientException;
import nym.client.topology.GatewayNode;
import nym.client.topology.MixTopology;
import nym.client.topology.Route;
import nym.client.topology.RouteSelector;
import nym.sphinx.CoverTraffic;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;
import nym.sphinx.SurbPair;

/**
 * Builds the client's packets over a fresh route each: real messages, loop and drop cover, and SURBs. Every packet
 * crosses one mix node per layer and ends at a gateway. Not thread-safe (one {@link PacketBuilder}): one owner thread.
 */
public final class PacketFactory {

    /** A packet with the route it takes (loop statistics attribute losses to the route's mix nodes). */
    public record Built(SphinxPacket packet, Route route) {}

    private final PacketBuilder builder;
    private final RouteSelector routes;
    private final SecureRandom random;

    public PacketFactory(SphinxParams params, RouteSelector routes, SecureRandom random) {
        this.builder = new PacketBuilder(params, random);
        this.routes = routes;
        this.random = random;
    }

    public SphinxParams params() {
        return builder.params();
    }

    /** A message for the client {@code destination} behind {@code gateway}. */
    public Built message(MixTopology topology, GatewayNode gateway, NodeAddress destination, Envelope envelope) {
        Route route = routes.select(topology, gateway);
        try {
            return new Built(
                    builder.build(route.hops(), Destination.of(destination), Envelope.encode(envelope)), route);
        } catch (SphinxException e) {
            throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
        }
    }

    /** A loop cover packet back to {@code self} through its own gateway. */
    public Built loop(MixTopology topology, GatewayNode ownGateway, NodeAddress self, long loopId) {
        Route route = routes.select(topology, ownGateway);
        try {
            return new Built(CoverTraffic.loop(builder, route.hops(), self, loopId), route);
        } catch (SphinxException e) {
            throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
        }
    }

    /**
     * A drop cover packet: to a gateway picked at random, for a random destination no client has, so the gateway
     * discards it (it looks like any other packet on every link).
     */
    public Built drop(MixTopology topology) {
        List<GatewayNode> gateways = topology.gateways();
        if (gateways.isEmpty()) {
            throw new ClientException(ClientException.Kind.TOPOLOGY, "the topology has no gateway");
        }
        Route route = routes.select(topology, gateways.get(random.nextInt(gateways.size())));
        byte[] nobody = new byte[32];
        random.nextBytes(nobody);
        try {
            return new Built(CoverTraffic.drop(builder, route.hops(), NodeAddress.of(nobody)), route);
        } catch (SphinxException e) {
            throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
        }
    }

    /** A reply block leading back to {@code self} through its own gateway. */
    public SurbPair surb(MixTopology topology, GatewayNode ownGateway, NodeAddress self) {
        Route route = routes.select(topology, ownGateway);
        try {
            return builder.createSurb(route.hops(), self);
        } catch (SphinxException e) {
            throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
        }
    }
}
