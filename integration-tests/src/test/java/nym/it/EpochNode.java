package nym.it;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.AuthoritySet;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Json;
import nym.directory.api.KeyPossession;
import nym.directory.api.Keys;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.link.HandshakeGate;
import nym.link.LinkFailureListener;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.PeerAuthorizer;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A mix node as the epoch documents need it: it announces Sphinx keys for the current epoch and the two after it, each
 * with a proof of possession for every authority of the test tree ({@code NYM_NETWORK_HOME}'s
 * {@code directory/authorities.properties}), and — unless made {@link #silent} — answers the directory's reachability
 * probe with a real mixnet-link Noise responder (kind {@code mix}) keyed from its identity on its announced address.
 * {@link #keepAlive} sends a heartbeat every two seconds so it stays live while a test waits for epochs to pass.
 */
final class EpochNode implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthoritySet authorities;
    private final Ed25519Identity identity;
    private final String host;
    private final EventLoopGroup group;
    private final Map<Long, byte[]> sphinxSecrets = new ConcurrentHashMap<>();
    private final AtomicLong lastTimestamp = new AtomicLong();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "epoch-node-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> lastRefusal = new AtomicReference<>();

    private EpochNode(AuthoritySet authorities, Ed25519Identity identity, String host, EventLoopGroup group) {
        this.authorities = authorities;
        this.identity = identity;
        this.host = host;
        this.group = group;
    }

    /** The pinned authorities of the test tree. */
    static AuthoritySet treeAuthorities() throws IOException {
        String home = System.getenv("NYM_NETWORK_HOME");
        if (home == null) {
            throw new IllegalStateException("NYM_NETWORK_HOME is not set: run through integration-tests/bin/run");
        }
        return AuthoritySet.load(Path.of(home).resolve(AuthoritySet.TREE_FILE));
    }

    /** A node whose mix port answers the probe's Noise handshake. */
    static EpochNode answering(AuthoritySet authorities) throws InterruptedException {
        Ed25519Identity identity = Ed25519Identity.generate();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            int port = listen(group, LinkKeys.fromEd25519Seed(identity.secretKey()));
            return new EpochNode(authorities, identity, "127.0.0.1:" + port, group);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** A node announcing a port nobody listens on: the probe never gets an answer. */
    static EpochNode silent(AuthoritySet authorities) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return new EpochNode(authorities, Ed25519Identity.generate(), "127.0.0.1:" + port, null);
    }

    /** A Noise responder with {@code keys} on a free local port; returns the port. */
    private static int listen(EventLoopGroup group, LinkKeys keys) throws InterruptedException {
        HandshakeGate gate = new HandshakeGate(HandshakeGate.DEFAULT_MAX_CONCURRENT);
        LinkSettings settings = LinkSettings.of("mix", 1024, 1024);
        Channel listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        NoiseLink.responder(
                                ch.pipeline(), settings, keys, PeerAuthorizer.ANYONE, gate, LinkFailureListener.IGNORE);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    String key() {
        return identity.publicKeyText();
    }

    String host() {
        return host;
    }

    long epochNow() {
        return Math.floorDiv(System.currentTimeMillis(), authorities.epochSeconds() * 1000L);
    }

    /** Its presence now: keys for the current epoch and the two after it, each proven to every authority. */
    byte[] presence() {
        long epoch = epochNow();
        List<AnnouncedKey> keys = new ArrayList<>();
        for (long e = epoch; e <= epoch + 2; e++) {
            keys.add(announce(e));
        }
        return Json.write(new MixnodePresence(host, key(), keys, "0.1.0", "Test"));
    }

    /** Signs and posts {@link #presence()}. */
    HttpResponse<String> heartbeat(URI base) throws Exception {
        byte[] body = presence();
        long ts = lastTimestamp.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
        return SignedNode.send(
                base,
                Paths.MIXNODES,
                body,
                Long.toString(ts),
                Signing.signRequest(identity, Paths.MIXNODES, ts, body),
                "application/json");
    }

    /** Heartbeats to {@code base} every two seconds until closed; a refused one is kept for {@link #lastRefusal}. */
    void keepAlive(URI base) {
        heartbeats.scheduleWithFixedDelay(
                () -> {
                    try {
                        HttpResponse<String> r = heartbeat(base);
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

    private AnnouncedKey announce(long epoch) {
        byte[] secret = sphinxSecrets.computeIfAbsent(epoch, e -> {
            byte[] s = new byte[X25519.SCALAR_SIZE];
            X25519.generatePrivateKey(RANDOM, s);
            return s;
        });
        byte[] sphinxKey = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(secret, 0, sphinxKey, 0);
        Map<String, String> proofs = new LinkedHashMap<>();
        for (int i = 1; i <= authorities.keys().size(); i++) {
            proofs.put(
                    authorities.keys().get(i - 1),
                    KeyPossession.prove(secret, sphinxKey, LinkKeys.x25519PublicKey(authorities.key(i)), key(), epoch));
        }
        return new AnnouncedKey(epoch, Keys.encode(sphinxKey), proofs);
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
