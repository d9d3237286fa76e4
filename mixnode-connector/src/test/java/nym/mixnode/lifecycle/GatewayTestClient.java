package nym.mixnode.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Delivered;
import nym.gateway.api.GatewayFraming;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.Send;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.PacketBuilder;
import nym.sphinx.Payloads;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxPacket;
import nym.sphinx.SphinxParams;

/** A blocking client of the gateway protocol for tests (plain sockets and {@link GatewayFraming}). */
final class GatewayTestClient implements AutoCloseable {

    final Ed25519Identity identity = Ed25519Identity.generate();
    private final PacketBuilder builder = new PacketBuilder(SphinxParams.DEFAULT, new SecureRandom());
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    GatewayTestClient(InetSocketAddress gateway) throws IOException {
        socket = new Socket(gateway.getAddress(), gateway.getPort());
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    GatewayMessage call(GatewayMessage request) throws IOException {
        send(request);
        return read();
    }

    void send(GatewayMessage message) throws IOException {
        GatewayFraming.write(out, message);
    }

    GatewayMessage read() throws IOException {
        return GatewayFraming.read(in);
    }

    /** Registers at the gateway with this key; returns the token. */
    byte[] register(byte[] gatewayIdentityKey) throws IOException {
        return ((Registered) call(Register.sign(identity, gatewayIdentityKey, System.currentTimeMillis()))).token();
    }

    Authenticated authenticate(byte[] token, boolean push) throws IOException {
        return (Authenticated) call(new Authenticate(identity.publicKey(), token, push));
    }

    /** A client connected to {@code gateway}, registered and authenticated. */
    static GatewayTestClient registered(MixNode gateway, boolean push) throws IOException {
        GatewayTestClient client = new GatewayTestClient(gateway.clientAddress());
        client.authenticate(client.register(gateway.config().keys().identity().publicKey()), push);
        return client;
    }

    /** A Send of {@code message} over {@code route}, addressed to this client. */
    Send packetToSelf(List<RouteHop> route, byte[] message) throws SphinxException {
        SphinxPacket packet = builder.build(route, Destination.of(NodeAddress.of(identity.publicKey())), message);
        return new Send(packet.firstHop().toBytes(), packet.bytes());
    }

    /** The message in a delivery of {@link #packetToSelf}: the gateway stores the body unchecked, the client opens it. */
    static byte[] message(Delivered delivered) throws SphinxException {
        return Payloads.openFinal(SphinxParams.DEFAULT, delivered.body());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
