package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import nym.directory.api.AnnouncedKey;
import nym.directory.domain.node.BindingTakenException;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.NodeState;
import nym.directory.domain.node.SignedPresence;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Stores authenticated presences and leave notices, operator bans and approvals. */
@ApplicationScoped
public class PresenceService {

    @Inject
    NodeRepository nodes;

    @Inject
    PresenceGroupCommit groupCommit;

    /** {@code nym_directory_presences_accepted_total{kind="mixnode"|"gateway"|"validator"}}. */
    @Inject
    MetricRegistry metrics;

    private final Clock clock = Clock.systemUTC();

    /**
     * Stores the presence and its Sphinx keys (committed when this returns, batched with concurrent ones:
     * {@link PresenceGroupCommit}).
     *
     * @throws RequestRejected if banned, replayed, or an address, client listener or Sphinx key belongs to another
     *     node, or the key is registered as another kind
     */
    public void accept(Node node, List<AnnouncedKey> sphinxKeys, long signedAt) {
        boolean stored;
        try {
            stored = groupCommit.store(new SignedPresence(node, sphinxKeys, signedAt));
        } catch (BindingTakenException e) {
            throw new RequestRejected(RequestRejected.Reason.CONFLICT, e.getMessage());
        }
        if (stored) {
            metrics.counter(
                            "nym.directory.presences.accepted",
                            new Tag("kind", node.kind().column()))
                    .inc();
            return;
        }
        NodeState state = nodes.state(node.identityKey())
                .orElseThrow(() -> new IllegalStateException("presence neither stored nor found"));
        refuseBanned(state);
        if (state.kind() != node.kind()) {
            throw new RequestRejected(
                    RequestRejected.Reason.CONFLICT,
                    "identityKey is registered as a " + state.kind().column() + ", not a "
                            + node.kind().column());
        }
        throw replayed(signedAt, state);
    }

    /**
     * Records that the node is shutting down: it is left out of the next epoch document (and of the live view) until
     * its next presence.
     *
     * @throws RequestRejected if no node has the key, it is banned, or the notice is not newer than its last request
     */
    @Transactional
    public void leave(String identityKey, long signedAt) {
        if (nodes.markLeft(identityKey, signedAt, clock.millis())) {
            return;
        }
        NodeState state = nodes.state(identityKey)
                .orElseThrow(
                        () -> new RequestRejected(RequestRejected.Reason.UNKNOWN_NODE, "no node has this identityKey"));
        refuseBanned(state);
        throw replayed(signedAt, state);
    }

    /** @return false if no node has this key */
    @Transactional
    public boolean ban(String identityKey, boolean banned, String reason) {
        return nodes.setBanned(identityKey, banned, banned ? reason : null);
    }

    /** @return false if no node has this key */
    @Transactional
    public boolean approve(String identityKey, boolean approved) {
        return nodes.setApproved(identityKey, approved);
    }

    private static void refuseBanned(NodeState state) {
        if (state.banned()) {
            throw new RequestRejected(
                    RequestRejected.Reason.BANNED, "identityKey is banned by the directory's operator");
        }
    }

    private static RequestRejected replayed(long signedAt, NodeState state) {
        return new RequestRejected(
                RequestRejected.Reason.REPLAYED,
                "timestamp " + signedAt + " is not newer than this node's last accepted request ("
                        + state.lastPresenceTimestamp() + "): replayed?");
    }
}
