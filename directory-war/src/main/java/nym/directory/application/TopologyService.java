package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import nym.directory.api.Json;
import nym.directory.api.Keys;
import nym.directory.api.Signing;
import nym.directory.api.Topology;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeRepository;

/**
 * The signed topology, rebuilt from the database at most every {@code nym.directory.topology.refresh-millis} on each
 * instance; between rebuilds every reader gets the same bytes, signature and ETag. One reader rebuilds while the
 * others keep getting the previous view.
 */
@ApplicationScoped
public class TopologyService {

    /**
     * A topology ready to serve.
     *
     * @param body the JSON bytes
     * @param signature the directory's signature over them
     * @param etag weak ETag over the nodes and their keys, addresses, versions, locations (not the times): unchanged
     *     while the set of live nodes and what they announce is unchanged
     */
    public record Signed(byte[] body, String signature, String etag, long generatedAt) {}

    @Inject
    NodeRepository nodes;

    @Inject
    DirectoryConfig config;

    @Inject
    DirectoryKeyService directoryKey;

    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile Signed current;

    public Signed current() {
        Signed view = current;
        long now = clock.millis();
        if (view != null && now - view.generatedAt() < config.topologyRefreshMillis()) {
            return view;
        }
        if (view != null) {
            if (!rebuilding.tryLock()) {
                return view;
            }
        } else {
            rebuilding.lock();
        }
        try {
            Signed again = current;
            if (again != null && again != view) {
                return again;
            }
            current = build();
            return current;
        } finally {
            rebuilding.unlock();
        }
    }

    private Signed build() {
        long now = clock.millis();
        List<Node> live = nodes.liveSince(now - config.expiryMillis());
        int layers = config.mixLayers();
        List<List<Topology.Mixnode>> byLayer = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            byLayer.add(new ArrayList<>());
        }
        List<Topology.Gateway> gateways = new ArrayList<>();
        List<Topology.Validator> validators = new ArrayList<>();
        MessageDigest digest = sha256();
        for (Node n : live) {
            digest.update((n.identityKey()
                            + '\0'
                            + n.address()
                            + '\0'
                            + n.sphinxKey()
                            + '\0'
                            + n.layer()
                            + '\0'
                            + n.version()
                            + '\0'
                            + n.location()
                            + '\0'
                            + n.validatorType()
                            + '\0'
                            + n.publicKey()
                            + '\0'
                            + n.clientListener()
                            + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            switch (n.kind()) {
                case MIXNODE -> {
                    int layer = Objects.requireNonNullElse(n.layer(), 0);
                    if (layer >= 1 && layer <= layers) {
                        byLayer.get(layer - 1)
                                .add(new Topology.Mixnode(
                                        n.address(),
                                        n.identityKey(),
                                        n.sphinxKey(),
                                        layer,
                                        n.version(),
                                        n.location(),
                                        n.lastSeen()));
                    }
                }
                case GATEWAY ->
                    gateways.add(new Topology.Gateway(
                            n.clientListener(),
                            n.address(),
                            n.identityKey(),
                            n.sphinxKey(),
                            n.version(),
                            n.location(),
                            n.lastSeen()));
                case VALIDATOR ->
                    validators.add(new Topology.Validator(
                            n.address(),
                            n.identityKey(),
                            n.validatorType(),
                            n.publicKey(),
                            n.version(),
                            n.location(),
                            n.lastSeen()));
            }
        }
        List<Topology.Layer> mixnodes = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            mixnodes.add(new Topology.Layer(i + 1, byLayer.get(i)));
        }
        byte[] body = Json.write(new Topology(now, config.expiryMillis(), mixnodes, gateways, validators));
        String etag = "W/\"" + Keys.encode(Arrays.copyOf(digest.digest(), 18)) + "\"";
        return new Signed(body, Signing.signTopology(directoryKey.identity(), body), etag, now);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
