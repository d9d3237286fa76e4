package nym.gateway.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The cell layout of the client link: {@code version u8 | message… | zero padding}, exactly the link's cell size in
 * each direction ({@link CellSizes}). Messages follow each other; a type byte 0 starts the padding, and every byte
 * from there to the end must be zero. A cell with no messages is a dummy.
 */
public final class Cells {

    /** A version byte and at least one byte of room. */
    public static final int MIN_CELL = 2;

    private Cells() {}

    /** One cell of {@code cellSize} holding {@code messages}; TOO_LARGE if they do not fit. */
    public static byte[] pack(int cellSize, GatewayMessage... messages) {
        CellBuilder cell = new CellBuilder(cellSize);
        for (GatewayMessage m : messages) {
            cell.add(m);
        }
        return cell.build();
    }

    /**
     * The messages of one cell, in order (empty for a dummy).
     *
     * @throws GatewayProtocolException INVALID_FIELD for a cell of another size or non-zero padding,
     *     UNSUPPORTED_VERSION for another version, and the message kinds for a message that does not parse
     */
    public static List<GatewayMessage> unpack(byte[] cell, int cellSize) {
        if (cell.length != cellSize || cellSize < MIN_CELL) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD,
                    "cell of " + cell.length + " bytes, this link's cells are " + cellSize);
        }
        WireReader in = new WireReader(cell);
        int version = in.u8("version");
        if (version != GatewayMessage.VERSION) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.UNSUPPORTED_VERSION,
                    "version " + version + ", this code speaks " + GatewayMessage.VERSION);
        }
        List<GatewayMessage> messages = new ArrayList<>();
        while (in.hasRemaining() && in.peekU8() != GatewayMessage.TYPE_PADDING) {
            messages.add(GatewayMessage.read(in));
        }
        if (!in.restIsZero()) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "cell padding is not all zero");
        }
        return messages;
    }
}
