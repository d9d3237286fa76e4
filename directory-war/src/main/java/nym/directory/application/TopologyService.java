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
import java.util.concurrent.locks.ReentrantLock;
import nym.directory.api.Json;
import nym.directory.api.Keys;
import nym.directory.api.Topology;
import nym.directory.domain.node.LiveNode;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeRepository;

/**
 * The registry's live view (unsigned, for operators and the dashboard; routing uses the authorities' epoch
 * documents), rebuilt from the database at most every {@code nym.directory.topology.refresh-millis} on each instance;
 * between rebuilds every reader gets the same bytes and ETag. One reader rebuilds while the others keep getting the
 * previous view.
 */
@ApplicationScoped
public class TopologyService {

    /**
     * A view ready to serve.
     *
     * @param body the JSON bytes
     * @param etag weak ETag over the nodes and their keys, addresses, versions, locations and the epoch (not the
     *     times): unchanged while the set of live nodes and what they announce for the epoch is unchanged
     */
    public record View(byte[] body, String etag, long generatedAt) {}

    @Inject
    NodeRepository nodes;

    @Inject
    DirectoryConfig config;

    @Inject
    AuthorityKeys authorities;

    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile View current;

    public View current() {
        View view = current;
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
            View again = current;
            if (again != null && again != view) {
                return again;
            }
            current = build();
            return current;
        } finally {
            rebuilding.unlock();
        }
    }

    private View build() {
        long now = clock.millis();
        long epoch = authorities.currentEpoch();
        List<LiveNode> live = nodes.liveSince(now - config.expiryMillis(), epoch);
        List<Topology.Mixnode> mixnodes = new ArrayList<>();
        List<Topology.Gateway> gateways = new ArrayList<>();
        List<Topology.Validator> validators = new ArrayList<>();
        MessageDigest digest = sha256();
        digest.update((epoch + "\n").getBytes(StandardCharsets.UTF_8));
        for (LiveNode l : live) {
            Node n = l.node();
            digest.update((n.identityKey()
                            + '\0'
                            + n.address()
                            + '\0'
                            + l.sphinxKey()
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
                case MIXNODE ->
                    mixnodes.add(new Topology.Mixnode(
                            n.address(), n.identityKey(), l.sphinxKey(), n.version(), n.location(), n.lastSeen()));
                case GATEWAY ->
                    gateways.add(new Topology.Gateway(
                            n.clientListener(),
                            n.address(),
                            n.identityKey(),
                            l.sphinxKey(),
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
        byte[] body = Json.write(new Topology(now, epoch, config.expiryMillis(), mixnodes, gateways, validators));
        String etag = "W/\"" + Keys.encode(Arrays.copyOf(digest.digest(), 18)) + "\"";
        return new View(body, etag, now);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
