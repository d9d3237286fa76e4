package nym.sphinx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cover traffic (Loopix): loop packets travel a full route back to their sender, which measures them (quality of
 * service, active attack detection); drop packets go to some destination that discards them. Both look like any other
 * packet to every mix; only the final hop's recipient recognises the marker.
 */
public final class CoverTraffic {

    private static final byte[] LOOP = "nym-sphinx/loop".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DROP = "nym-sphinx/drop".getBytes(StandardCharsets.US_ASCII);

    private CoverTraffic() {}

    /** A loop packet back to {@code self} carrying {@code loopId} (e.g. a sequence number matched on return). */
    public static SphinxPacket loop(PacketBuilder builder, List<RouteHop> route, NodeAddress self, long loopId)
            throws SphinxException {
        byte[] msg = ByteBuffer.allocate(LOOP.length + Long.BYTES)
                .put(LOOP)
                .putLong(loopId)
                .array();
        return builder.build(route, Destination.of(self), msg);
    }

    /** A drop packet to {@code destination}, which discards it. */
    public static SphinxPacket drop(PacketBuilder builder, List<RouteHop> route, NodeAddress destination)
            throws SphinxException {
        return builder.build(route, Destination.of(destination), DROP.clone());
    }

    /** The loop id when {@code message} is a loop cover message. */
    public static Optional<Long> loopId(byte[] message) {
        if (message.length != LOOP.length + Long.BYTES
                || !Arrays.equals(message, 0, LOOP.length, LOOP, 0, LOOP.length)) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(message, LOOP.length, Long.BYTES).getLong());
    }

    /** True when {@code message} is a drop cover message. */
    public static boolean isDrop(byte[] message) {
        return Arrays.equals(message, DROP);
    }
}
