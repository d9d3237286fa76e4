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
     * This node is the last hop: deliver {@code identifier} and {@code body} to {@code destination}. Every final
     * delivery looks alike: the identifier is a SURB id for a reply and random bytes otherwise, and the body is the
     * whole payload with this hop's layer removed, unchecked, always {@link SphinxParams#payloadSize()} bytes. Only the
     * recipient knows which it is: {@link SurbSecret#open} for an identifier of one of its SURBs, else {@link
     * SealedPayload#open} (or {@link Payloads#openFinal} for a packet of {@link PacketBuilder#build}); each checks
     * integrity.
     *
     * @param destination the recipient's address
     * @param identifier 16 bytes: a SURB id or random
     * @param body the payload, opaque to this hop
     * @param delayNanos the delay the sender chose for this hop (gateways may deliver at once)
     */
    record Final(NodeAddress destination, SurbId identifier, byte[] body, long delayNanos, ReplayTag replayTag)
            implements ProcessResult {
        @Override
        public String toString() {
            return "Final[destination=" + destination + ", " + body.length + " bytes]";
        }
    }
}
