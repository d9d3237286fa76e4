package nym.directory.application;

import java.util.Optional;
import nym.directory.domain.node.NodeKind;

/**
 * What the ledger says about the nodes of one epoch, as the document builder applies it and the validator checks it:
 * the epoch's active-set record (if the ledger has fixed one), the score threshold, and whether only the record's
 * active set may be listed (admission {@code stake}).
 *
 * @param record the ledger's record of the epoch; empty: no performance is listed and none is below the threshold
 * @param scoreThreshold per mille; a node whose performance in the record is below it is not listed
 */
public record EpochStanding(Optional<ActiveSet> record, int scoreThreshold, boolean activeSetOnly) {

    /** No stake on the ledger (or a document built without scores): no performance, nobody left out. */
    public static final EpochStanding UNSCORED = new EpochStanding(Optional.empty(), 0, false);

    /** The node's performance as the document lists it: the record's score, null without one. */
    public Integer performance(String identityKey) {
        return record.map(r -> r.performance().get(identityKey)).orElse(null);
    }

    /** Why the node may not be listed in this epoch's document, or empty when it may. */
    public Optional<String> exclusion(NodeKind kind, String identityKey) {
        if (activeSetOnly && !record.map(r -> r.contains(kind, identityKey)).orElse(false)) {
            return Optional.of("not in the ledger's active set of its kind");
        }
        Integer score = performance(identityKey);
        if (score != null && score < scoreThreshold) {
            return Optional.of("its score " + score + " is below the threshold " + scoreThreshold);
        }
        return Optional.empty();
    }
}
