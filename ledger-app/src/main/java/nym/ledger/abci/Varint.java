package nym.ledger.abci;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Unsigned varint (protobuf base-128) length prefixes, as CometBFT frames ABCI messages on its socket. */
public final class Varint {
    /** Largest ABCI message accepted (a FinalizeBlock carries a whole block). */
    public static final long MAX_MESSAGE = 128L << 20;

    private Varint() {}

    public static void write(ByteBuf out, long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.writeByte((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    public static void write(OutputStream out, long value) throws IOException {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /**
     * Reads a varint from the buffer without consuming it on underflow: returns -1 if more bytes are needed,
     * otherwise the value, with the reader index advanced past it.
     */
    public static long tryRead(ByteBuf in) {
        int start = in.readerIndex();
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.isReadable()) {
                in.readerIndex(start);
                return -1;
            }
            byte b = in.readByte();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    /** Blocking read; returns -1 at a clean end of stream. */
    public static long read(InputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return -1;
                }
                throw new java.io.EOFException("stream ended inside a varint");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }
}
