package nym.client.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.client.ClientException;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.Fetch;
import nym.gateway.api.GatewayFraming;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.GatewayProtocolException;
import nym.gateway.api.Messages;
import nym.gateway.api.Push;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.Send;

/**
 * One TCP connection to the gateway's client listener speaking the gateway client protocol (mixnode-connector
 * README, "Gateway client protocol"): {@link #register} once at {@code init}; {@link #open} authenticates with the
 * token and asks for pushes, then a reader thread hands every delivered message to the listener. Writes are
 * serialised; a broken connection is reported through {@link #isOpen()} and the caller opens a new session.
 */
public final class GatewaySession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GatewaySession.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean open = true;

    private GatewaySession(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Registers {@code client} with the gateway and returns the token (32 bytes).
     *
     * @throws ClientException {@link ClientException.Kind#GATEWAY} when the gateway refuses or cannot be reached
     */
    public static byte[] register(String clientListener, Ed25519Identity client, byte[] gatewayIdentityKey) {
        try (GatewaySession session = connect(clientListener)) {
            session.write(Register.sign(client, gatewayIdentityKey, System.currentTimeMillis()));
            GatewayMessage answer = session.readHandshakeAnswer();
            if (answer instanceof Registered registered) {
                return registered.token();
            }
            throw unexpected("Register", answer);
        }
    }

    /**
     * Opens an authenticated session with pushes on; every delivered message goes to {@code deliveries} on the
     * session's reader thread, and the session's end (with its cause, null for {@link #close()}) to {@code closed}.
     */
    public static GatewaySession open(
            String clientListener,
            byte[] clientId,
            byte[] token,
            Consumer<Delivered> deliveries,
            Consumer<ErrorMessage> errors,
            Consumer<Throwable> closed) {
        GatewaySession session = connect(clientListener);
        try {
            session.write(new Authenticate(clientId, token, true));
            GatewayMessage answer = session.readHandshakeAnswer();
            if (!(answer instanceof Authenticated)) {
                throw unexpected("Authenticate", answer);
            }
            session.socket.setSoTimeout(0);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e instanceof ClientException ce
                    ? ce
                    : new ClientException(ClientException.Kind.GATEWAY, "authentication failed: " + e, e);
        }
        Thread reader = new Thread(() -> session.readLoop(deliveries, errors, closed), "gateway-session-reader");
        reader.setDaemon(true);
        reader.start();
        return session;
    }

    /** Injects one Sphinx packet; the gateway answers only when it refuses it. */
    public void send(byte[] firstHop, byte[] packet) {
        write(new Send(firstHop, packet));
    }

    /** Asks for up to {@code max} waiting messages; they arrive through the deliveries listener. */
    public void fetch(int max) {
        write(new Fetch(max));
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing gateway socket", e);
        }
    }

    private static GatewaySession connect(String clientListener) {
        HostPort hp = HostPort.parse(clientListener, "gateway client listener");
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(hp.host(), hp.port()), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
            return new GatewaySession(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ClientException(
                    ClientException.Kind.GATEWAY, "cannot connect to gateway " + clientListener + ": " + e, e);
        }
    }

    private synchronized void write(GatewayMessage message) {
        if (!open) {
            throw new ClientException(ClientException.Kind.GATEWAY, "gateway session is closed");
        }
        try {
            GatewayFraming.write(out, message);
        } catch (IOException e) {
            close();
            throw new ClientException(ClientException.Kind.GATEWAY, "gateway connection lost: " + e, e);
        }
    }

    private GatewayMessage readHandshakeAnswer() {
        try {
            return GatewayFraming.read(in);
        } catch (IOException | GatewayProtocolException e) {
            throw new ClientException(ClientException.Kind.GATEWAY, "no valid answer from the gateway: " + e, e);
        }
    }

    private void readLoop(Consumer<Delivered> deliveries, Consumer<ErrorMessage> errors, Consumer<Throwable> closed) {
        Throwable cause = null;
        try {
            while (open) {
                GatewayMessage message = GatewayFraming.read(in);
                if (message instanceof Push push) {
                    deliveries.accept(push.message());
                } else if (message instanceof Messages messages) {
                    messages.messages().forEach(deliveries);
                } else if (message instanceof ErrorMessage error) {
                    errors.accept(error);
                } else {
                    throw unexpected("session", message);
                }
            }
        } catch (IOException | RuntimeException e) {
            cause = open ? e : null;
        } finally {
            close();
            closed.accept(cause);
        }
    }

    private static ClientException unexpected(String request, GatewayMessage answer) {
        if (answer instanceof ErrorMessage error) {
            return new ClientException(
                    ClientException.Kind.GATEWAY,
                    request + " refused by the gateway (" + error.code() + "): " + error.text());
        }
        return new ClientException(
                ClientException.Kind.GATEWAY,
                "unexpected answer to " + request + ": " + answer.getClass().getSimpleName());
    }
}
