package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nym.directory.domain.node.AddressTakenException;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.NodeState;
import nym.directory.domain.node.SignedPresence;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Stores authenticated presences and operator bans. */
@ApplicationScoped
public class PresenceService {

    @Inject
    NodeRepository nodes;

    @Inject
    PresenceGroupCommit groupCommit;

    /** {@code nym_directory_presences_accepted_total{kind="mixnode"|"gateway"|"validator"}}. */
    @Inject
    MetricRegistry metrics;

    /**
     * Stores the presence (committed when this returns, batched with concurrent ones: {@link PresenceGroupCommit}).
     *
     * @throws RequestRejected if banned, replayed, or the address or key is bound otherwise
     */
    public void accept(Node node, long signedAt) {
        boolean stored;
        try {
            stored = groupCommit.store(new SignedPresence(node, signedAt));
        } catch (AddressTakenException e) {
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
        if (state.banned()) {
            throw new RequestRejected(
                    RequestRejected.Reason.BANNED, "identityKey is banned by the directory's operator");
        }
        if (state.kind() != node.kind()) {
            throw new RequestRejected(
                    RequestRejected.Reason.CONFLICT,
                    "identityKey is registered as a " + state.kind().column() + ", not a "
                            + node.kind().column());
        }
        throw new RequestRejected(
                RequestRejected.Reason.REPLAYED,
                "timestamp " + signedAt + " is not newer than this node's last accepted presence ("
                        + state.lastPresenceTimestamp() + "): replayed?");
    }

    /** @return false if no node has this key */
    @Transactional
    public boolean ban(String identityKey, boolean banned, String reason) {
        return nodes.setBanned(identityKey, banned, banned ? reason : null);
    }
}
