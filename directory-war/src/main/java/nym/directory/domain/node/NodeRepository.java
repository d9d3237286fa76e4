package nym.directory.domain.node;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registered nodes (table {@code directory_node}) and the Sphinx keys they announce per epoch ({@code node_sphinx_key}). */
public interface NodeRepository {

    /**
     * Stores presences of distinct identity keys in one statement: each creates its node (binding the key) or
     * updates it, but only if it is of the same kind, not banned, and signed later than its last accepted presence;
     * the Sphinx keys of each stored presence are stored with it (a key announced again for the same epoch replaces
     * the earlier one), and a stored presence clears a leave notice.
     *
     * @return the identity keys stored; the others were refused (then {@link #state} says why)
     * @throws BindingTakenException if another node owns one of the addresses, client listeners or Sphinx keys (then
     *     nothing is stored)
     */
    Set<String> upsertPresences(List<SignedPresence> presences);

    Optional<NodeState> state(String identityKey);

    /** Advances a mix node's metrics timestamp if newer and the node is a mix node and not banned. */
    boolean advanceMetricsTimestamp(String identityKey, long signedAt);

    /**
     * Nodes not banned and not left whose last presence is at or after {@code since}, by kind and address, each with
     * its Sphinx key for {@code epoch}.
     */
    List<LiveNode> liveSince(long since, long epoch);

    /**
     * Every mix node and gateway whose last presence is at or after {@code liveSince}, not banned, not left, approved
     * if {@code approvedOnly}, that announced keys for {@code epoch} and {@code epoch + 1}; by identity key.
     */
    List<Candidate> candidates(long epoch, long liveSince, boolean approvedOnly);

    /**
     * Records a signed leave notice if it is newer than the node's last accepted request and the node is not banned
     * (the notice's timestamp becomes the last accepted one, so it cannot be replayed).
     *
     * @return false if refused (then {@link #state} says why)
     */
    boolean markLeft(String identityKey, long signedAt, long leftAt);

    /** @return false if no node has this key */
    boolean setBanned(String identityKey, boolean banned, String reason);

    /** @return false if no node has this key */
    boolean setApproved(String identityKey, boolean approved);

    /** Deletes the Sphinx keys of epochs before {@code epoch}; returns how many. */
    int deleteKeysBefore(long epoch);
}
