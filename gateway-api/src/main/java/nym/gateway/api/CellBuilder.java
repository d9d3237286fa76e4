package nym.gateway.api;

import java.util.Arrays;

/**
 * Packs messages into one cell: {@code version u8 | message… | zero padding} of exactly the cell size. A cell with no
 * message is a dummy; on the Noise link it cannot be told from any other cell. Not thread-safe.
 */
public final class CellBuilder {

    private final byte[] cell;
    private int used = 1;

    public CellBuilder(int cellSize) {
        if (cellSize < Cells.MIN_CELL) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "a cell has at least " + Cells.MIN_CELL + " bytes");
        }
        cell = new byte[cellSize];
        cell[0] = GatewayMessage.VERSION;
    }

    /** Bytes still free for messages. */
    public int room() {
        return cell.length - used;
    }

    /** Adds {@code message} if it fits in what is left; false (and nothing added) if not. */
    public boolean tryAdd(GatewayMessage message) {
        byte[] bytes = message.encode();
        if (bytes.length > room()) {
            return false;
        }
        System.arraycopy(bytes, 0, cell, used, bytes.length);
        used += bytes.length;
        return true;
    }

    /** Adds {@code message}; TOO_LARGE if it does not fit. */
    public CellBuilder add(GatewayMessage message) {
        if (!tryAdd(message)) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.TOO_LARGE,
                    message + " does not fit in the cell's " + room() + " bytes");
        }
        return this;
    }

    /** The cell (the rest is zero padding). */
    public byte[] build() {
        return Arrays.copyOf(cell, cell.length);
    }
}
