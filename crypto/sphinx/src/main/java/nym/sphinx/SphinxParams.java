package nym.sphinx;

/**
 * Per-network parameters. Only the payload size is configurable; every other size is fixed in {@link SphinxSizes}.
 *
 * @param payloadSize size of δ, the payload every packet carries (default {@value SphinxSizes#DEFAULT_PAYLOAD})
 */
public record SphinxParams(int payloadSize) {

    /** Smallest payload: Lioness needs more than 32 bytes; the zero prefix and padding need more. */
    public static final int MIN_PAYLOAD = 64;
    /** Largest payload accepted (1 MiB). */
    public static final int MAX_PAYLOAD = 1 << 20;

    public static final SphinxParams DEFAULT = new SphinxParams(SphinxSizes.DEFAULT_PAYLOAD);

    public SphinxParams {
        if (payloadSize < MIN_PAYLOAD || payloadSize > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "payload size must be within " + MIN_PAYLOAD + ".." + MAX_PAYLOAD + ", was " + payloadSize);
        }
    }

    /** Size of every packet of this network. */
    public int packetSize() {
        return SphinxSizes.HEADER + payloadSize;
    }

    /** Bytes left for the padded message after the zero prefix. */
    public int bodySize() {
        return payloadSize - SphinxSizes.PAYLOAD_ZERO_PREFIX;
    }

    /** Longest message a packet can carry (the padding needs one byte). */
    public int maxMessageSize() {
        return Payloads.maxMessageSize(bodySize());
    }
}
