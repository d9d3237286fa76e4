package nym.client.traffic;

import java.security.SecureRandom;
import java.util.List;
import nym.client.ClientException;
import nym.client.topology.GatewayNode;
import nym.client.topology.MixTopology;
import nym.client.topology.Route;
import nym.client.topology.RouteSelector;
import nym.sphinx.Destination;
import nym.sphinx.EncryptionKeyPair;
import nym.sphinx.NodeAddress;
import nym.sphinx.PacketBuilder;
import nym.sphinx.SealedPayload;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;
import nym.sphinx.SurbPair;

/**
 * Builds the client's packets over a fresh route each: real messages, loop and drop cover, and SURBs. Every packet
 * crosses one mix node per layer and ends at a gateway. Messages, loops and drops carry an {@link Envelope} sealed to
 * the recipient's encryption key ({@link SealedPayload}, filling the payload exactly): on every link and at the final
 * gateway they are ciphertext of one size, told apart only by the recipient after opening. Not thread-safe (one
 * {@link PacketBuilder}): one owner thread.
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

    /**
     * A message for the client {@code destination} behind {@code gateway}, sealed to its {@code encryptionKey}.
     *
     * @throws ClientException MESSAGE when the envelope does not fit or the key is not a usable X25519 key
     */
    public Built message(
            MixTopology topology,
            GatewayNode gateway,
            NodeAddress destination,
            byte[] encryptionKey,
            Envelope envelope) {
        return sealed(routes.select(topology, gateway), destination, encryptionKey, envelope);
    }

    /** A loop cover packet back to {@code self} through its own gateway, sealed to its own encryption key. */
    public Built loop(
            MixTopology topology, GatewayNode ownGateway, NodeAddress self, byte[] ownEncryptionKey, long loopId) {
        return sealed(routes.select(topology, ownGateway), self, ownEncryptionKey, new Envelope.Loop(loopId));
    }

    /**
     * A drop cover packet: to a gateway picked at random, for a random destination no client has, sealed to a random
     * key, so the gateway discards it and it looks like any other packet on every link.
     */
    public Built drop(MixTopology topology) {
        List<GatewayNode> gateways = topology.gateways();
        if (gateways.isEmpty()) {
            throw new ClientException(ClientException.Kind.TOPOLOGY, "the topology has no gateway");
        }
        Route route = routes.select(topology, gateways.get(random.nextInt(gateways.size())));
        byte[] nobody = new byte[32];
        random.nextBytes(nobody);
        byte[] anyKey = EncryptionKeyPair.generate(random).publicKey();
        return sealed(route, NodeAddress.of(nobody), anyKey, new Envelope.Drop());
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

    private Built sealed(Route route, NodeAddress destination, byte[] encryptionKey, Envelope envelope) {
        try {
            byte[] payload = SealedPayload.seal(params(), encryptionKey, Envelope.encode(envelope), random);
            return new Built(builder.buildSealed(route.hops(), Destination.of(destination), payload), route);
        } catch (SphinxException e) {
            throw new ClientException(ClientException.Kind.MESSAGE, e.getMessage(), e);
        }
    }
}
