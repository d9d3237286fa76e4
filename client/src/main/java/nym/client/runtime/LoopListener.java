package nym.client.runtime;

import java.util.List;

/**
 * What becomes of a client's loop cover packets, for an observer inside the client's process (the network monitor).
 * The loops are the client's own, sent by its loop stream whatever listens: a listener only watches. Called on the
 * client's threads (traffic, gateway reader, housekeeping): implementations must be quick and thread-safe, and must
 * not throw.
 */
public interface LoopListener {

    /** Listens to nothing (a plain client). */
    LoopListener NONE = new LoopListener() {
        @Override
        public void sent(LoopSent loop) {}

        @Override
        public void returned(long loopId) {}

        @Override
        public void expired(long loopId) {}
    };

    /**
     * A loop left the client.
     *
     * @param loopId the loop's id in this client (unique per client only)
     * @param mixIdentities the identity keys of the route's mix nodes, layer 1 first
     * @param gatewayIdentity the identity key of the route's gateway (the client's own: a loop comes back through it)
     * @param epoch the epoch of the document the route was chosen from
     * @param sentAtMillis wall-clock time of sending (ms since the Unix epoch)
     */
    record LoopSent(long loopId, List<String> mixIdentities, String gatewayIdentity, long epoch, long sentAtMillis) {
        public LoopSent {
            mixIdentities = List.copyOf(mixIdentities);
        }
    }

    void sent(LoopSent loop);

    /** A loop this client sent came back (before its timeout). */
    void returned(long loopId);

    /** A loop was not back within the client's {@code traffic.loop_timeout_ms}: counted lost. */
    void expired(long loopId);
}
