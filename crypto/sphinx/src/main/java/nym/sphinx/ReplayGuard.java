package nym.sphinx;

/**
 * What a node remembers of the packets it has processed under one key, asked by {@link SphinxProcessor#process(byte[],
 * ReplayGuard)} right after γ has verified and before the rest of the hop's work (β stream, blinding, Lioness), so
 * a replayed packet costs the node its key agreement, key derivation and MAC only.
 */
@FunctionalInterface
public interface ReplayGuard {

    /** A guard that remembers nothing: every packet is fresh (senders' and tests' processing, no replay state). */
    ReplayGuard NONE = tag -> true;

    /**
     * Records {@code tag} and answers whether it was new. Called at most once per packet, only for packets whose γ
     * verified under this processor's key; the guard must be safe for the threads that share it.
     *
     * @return true to go on processing, false to refuse the packet as {@link SphinxException.Kind#REPLAY}
     */
    boolean firstSeen(ReplayTag tag);
}
