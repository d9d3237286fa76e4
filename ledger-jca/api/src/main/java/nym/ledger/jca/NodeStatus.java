package nym.ledger.jca;

import java.io.Serializable;

/**
 * Answer of {@code status}.
 *
 * @param network the chain id
 * @param latestBlockTime RFC 3339 text as the node sent it
 */
public record NodeStatus(
        String nodeId,
        String network,
        String version,
        long latestBlockHeight,
        String latestBlockHash,
        String latestBlockTime,
        long earliestBlockHeight,
        boolean catchingUp)
        implements Serializable {}
