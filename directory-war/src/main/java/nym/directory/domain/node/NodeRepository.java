package nym.directory.domain.node;

import java.util.List;
import java.util.Optional;

/** Registered nodes (table {@code directory_node}). */
public interface NodeRepository {

    /**
     * Stores a presence signed at {@code signedAt}: creates the node (binding its key) or updates it, but only if it
     * is of the same kind, not banned, and {@code signedAt} is newer than its last accepted presence.
     *
     * @return true if stored; false if refused (then {@link #state} says why)
     * @throws AddressTakenException if another key owns the address
     */
    boolean upsertPresence(Node node, long signedAt);

    Optional<NodeState> state(String identityKey);

    /** Advances a mix node's metrics timestamp if newer and the node is a mix node and not banned. */
    boolean advanceMetricsTimestamp(String identityKey, long signedAt);

    /** Nodes not banned whose last presence is at or after {@code since}, by kind, layer, address. */
    List<Node> liveSince(long since);

    /** @return false if no node has this key */
    boolean setBanned(String identityKey, boolean banned, String reason);
}
