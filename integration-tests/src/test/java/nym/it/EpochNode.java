package nym.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nym.directory.api.Paths;

/**
 * A mix node kept live while an epoch-document test waits for epochs to pass: a {@link SignedNode} (keys for the
 * current epoch and the two after it, each proven to every authority of the test tree) that {@link #keepAlive}
 * heartbeats every two seconds and that — unless made {@link #silent} — answers the directory's reachability probe on
 * its announced address ({@link ProbeResponder}).
 */
final class EpochNode implements AutoCloseable {

    private final SignedNode node = new SignedNode();
    private final String host;
    /** Null for a silent node. */
    private final ProbeResponder mixPort;

    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "epoch-node-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();

    private EpochNode(boolean answering) throws IOException, InterruptedException {
        mixPort = answering ? node.answerProbes() : null;
        host = answering ? mixPort.address() : "127.0.0.1:" + freePort();
    }

    /** A node whose mix port answers the probe's Noise handshake. */
    static EpochNode answering() throws IOException, InterruptedException {
        return new EpochNode(true);
    }

    /** A node announcing a port nobody listens on: the probe never gets an answer. */
    static EpochNode silent() throws IOException, InterruptedException {
        return new EpochNode(false);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String key() {
        return node.key();
    }

    /** The node's Ed25519 signature over {@code message}. */
    byte[] signRaw(byte[] message) {
        return node.signRaw(message);
    }

    String host() {
        return host;
    }

    long epochNow() {
        return SignedNode.currentEpoch();
    }

    /** Heartbeats to {@code base} every two seconds until closed; a refused one is kept for {@link #lastRefusal}. */
    void keepAlive(URI base) {
        heartbeats.scheduleWithFixedDelay(
                () -> {
                    try {
                        HttpResponse<String> r = node.post(base, Paths.MIXNODES, node.mixnodeJson(host));
                        if (r.statusCode() != 204) {
                            lastRefusal.set(r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        lastRefusal.set(e.toString());
                    }
                },
                0,
                2,
                TimeUnit.SECONDS);
    }

    /** The last heartbeat the directory did not accept (for assertion messages), or null. */
    String lastRefusal() {
        return lastRefusal.get();
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        if (mixPort != null) {
            mixPort.close();
        }
    }
}
