package nym.mixnode.metrics;

/**
 * Why a node dropped a packet. Every drop is counted under exactly one reason; a node never throws a packet up.
 * Bad frames and refused connections on mix links are link failures, counted apart
 * ({@link NodeMetrics#linkFailed}).
 */
public enum DropReason {
    /** The crypto workers' queue was full (overload). */
    CRYPTO_QUEUE_FULL,
    /**
     * Sphinx processing refused the packet for a reason of its own, not of the key: wrong length, bad α, unknown
     * routing version, flags or delay under a valid MAC (see the log at FINE for the kind).
     */
    INVALID_PACKET,
    /**
     * No key this node holds opens it (γ fails under the current key, the previous one in its grace and the next one):
     * a key that has expired, another node's key, or a tampered header, which Sphinx cannot tell apart.
     */
    UNKNOWN_KEY,
    /**
     * The replay filter of the key that opened it has seen its tag: a replay, or a fresh packet taken for one (a false
     * positive, at the rate the filter's gauges show).
     */
    REPLAY,
    /** The sender asked for a delay over the node's maximum. */
    DELAY_TOO_LONG,
    /** The next hop is not a node of the next layer in the current topology. */
    UNKNOWN_NEXT_HOP,
    /** A final-hop packet at a mix node, or a forward packet at a gateway's mixnet listener. */
    WRONG_ROLE,
    /** The delay queue was full (overload). */
    SCHEDULER_FULL,
    /** The connection to the next hop was not writable or its pending queue full (overload, slow peer). */
    OUTGOING_QUEUE_FULL,
    /** The next hop could not be reached (packets waiting for the connection are dropped when it fails). */
    NEXT_HOP_UNREACHABLE,
    /** Gateway: the destination is not a registered client. */
    UNKNOWN_CLIENT,
    /** Gateway: the inbox could not be written. */
    INBOX_WRITE_FAILED,
    /**
     * Gateway (metered): the client sending it, or the client it is for, has less bandwidth left than one packet
     * costs.
     */
    NO_BANDWIDTH,
    /**
     * Mix node under fault injection ({@code testing.drop_probability}): a packet it would have forwarded, dropped on
     * purpose.
     */
    INJECTED_FAULT,
    /** Still queued when the shutdown deadline passed. */
    SHUTDOWN
}
