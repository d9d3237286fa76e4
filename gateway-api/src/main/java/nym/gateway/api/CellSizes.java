package nym.gateway.api;

/**
 * The two cell sizes of a client link, fixed per network: every cell a client sends is {@code uplink} bytes, every
 * cell a gateway sends is {@code downlink} bytes (before the Noise link adds its tag and frame). Both sides derive
 * them from the network's Sphinx sizes with {@link #forNetwork}, so they agree without negotiating.
 *
 * @param uplink client → gateway cell size
 * @param downlink gateway → client cell size
 */
public record CellSizes(int uplink, int downlink) {

    /** The link kind both sides put in the Noise prologue of a client link (with the protocol version). */
    public static final String LINK_KIND = "nym-gateway-client-v" + GatewayMessage.VERSION;

    /** Noise transport messages carry at most 65535 bytes, 16 of them the tag. */
    public static final int MAX_CELL = 65535 - 16;

    /** A {@link Delivered} is its payload body (at most the Sphinx payload) plus an identifier and framing below this. */
    static final int DELIVERED_OVERHEAD = 32;

    /** Room in a downlink cell beside a full Deliver. */
    static final int CONTROL_ROOM = 64;

    public CellSizes {
        if (uplink < Cells.MIN_CELL || downlink < Cells.MIN_CELL || uplink > MAX_CELL || downlink > MAX_CELL) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD,
                    "cell sizes must be within " + Cells.MIN_CELL + ".." + MAX_CELL);
        }
    }

    /**
     * Sizes for a network whose Sphinx packets are {@code packetSize} bytes and payloads {@code payloadSize}: an uplink
     * cell holds one {@link Send} and a full {@link Ack}, or the largest {@link SpendCredential} and a full Ack (on a
     * network of small packets the spend is the larger); a downlink cell holds one {@link Deliver} of a message with a
     * body as large as the whole payload (a {@link Delivered} is never larger) and {@value #CONTROL_ROOM} bytes for
     * answers ({@link Authenticated}, {@link SpendOffer}, {@link Bandwidth}, a short {@link ErrorMessage}); a longer
     * answer takes a cell of its own.
     */
    public static CellSizes forNetwork(int packetSize, int payloadSize) {
        int uplink = 1
                + Math.max(
                        Send.encodedLength(packetSize), SpendCredential.encodedLength(SpendCredential.MAX_THETA_BYTES))
                + Ack.encodedLength(Ack.MAX_SEQS);
        int delivered = DELIVERED_OVERHEAD + payloadSize;
        int downlink = 1
                + Math.max(
                        Deliver.encodedLength(delivered) + CONTROL_ROOM,
                        ErrorMessage.encodedLength(ErrorMessage.MAX_TEXT_BYTES));
        return new CellSizes(uplink, downlink);
    }
}
