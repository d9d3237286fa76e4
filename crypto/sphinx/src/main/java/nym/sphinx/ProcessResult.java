package nym.sphinx;

/**
 * What a node does with a packet it has processed. Both outcomes carry the packet's {@link ReplayTag}: check it
 * against the tags seen under the current key and drop the packet when it is a replay.
 */
public sealed interface ProcessResult permits ProcessResult.Forward, ProcessResult.Final {

    ReplayTag replayTag();

    /**
     * Hold the packet {@code delayNanos}, then send {@code packet} (same length as the one received) to {@code nextHop}.
     */
    record Forward(NodeAddress nextHop, long delayNanos, byte[] packet, ReplayTag replayTag) implements ProcessResult {
        @Override
        public String toString() {
            return "Forward[nextHop=" + nextHop + ", delayNanos=" + delayNanos + "]";
        }
    }

    /**
     * This node is the last hop: deliver to {@code destination}.
     *
     * @param destination the recipient's address
     * @param surbId the SURB a reply answers ({@link SurbId#NONE} for other packets)
     * @param reply true for a SURB reply: {@code payload} is then still sealed (only the SURB's creator, holding the
     *     {@link SurbSecret}, can open it, and checks its integrity); otherwise {@code payload} is the message, whose
     *     integrity this hop has checked and whose padding it has removed
     * @param delayNanos the delay the sender chose for this hop (gateways may deliver at once)
     */
    record Final(
            NodeAddress destination, SurbId surbId, boolean reply, byte[] payload, long delayNanos, ReplayTag replayTag)
            implements ProcessResult {
        @Override
        public String toString() {
            return "Final[destination=" + destination + ", surbId=" + surbId + ", reply=" + reply + "]";
        }
    }
}
