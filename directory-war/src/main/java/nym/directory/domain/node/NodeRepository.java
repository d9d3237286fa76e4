package nym.directory.domain.node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registered nodes (table {@code directory_node}). */
public interface NodeRepository {

    /**
     * Stores presences of distinct identity keys in one statement: each creates its node (binding the key) or
     * updates it, but only if it is of the same kind, not banned, and signed later than its last accepted presence.
     *
     * @return the identity keys stored; the others were refused (then {@link #state} says why)
     * @throws AddressTakenException if another key owns one of the addresses (then nothing is stored)
     */
    Set<String> upsertPresences(List<SignedPresence> presences);

    Optional<NodeState> state(String identityKey);

    /** Advances a mix node's metrics timestamp if newer and the node is a mix node and not banned. */
    boolean advanceMetricsTimestamp(String identityKey, long signedAt);

    /** Nodes not banned whose last presence is at or after {@code since}, by kind, layer, address. */
    List<Node> liveSince(long since);

    /** @return false if no node has this key */
    boolean setBanned(String identityKey, boolean banned, String reason);
}
