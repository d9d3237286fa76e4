package nym.mixnode.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import nym.directory.api.Ed25519Identity;
import nym.mixnode.gateway.protocol.Authenticate;
import nym.mixnode.gateway.protocol.Authenticated;
import nym.mixnode.gateway.protocol.GatewayFraming;
import nym.mixnode.gateway.protocol.GatewayMessage;
import nym.mixnode.gateway.protocol.Register;
import nym.mixnode.gateway.protocol.Registered;

/** A blocking client of the gateway protocol for tests (plain sockets and {@link GatewayFraming}). */
final class GatewayTestClient implements AutoCloseable {

    final Ed25519Identity identity = Ed25519Identity.generate();
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

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
