package nym.gateway.api;

import java.io.ByteArrayOutputStream;

/** Big-endian writing of one message, starting with its type byte (the version is the cell's, see {@link Cells}). */
final class WireWriter {

    private final ByteArrayOutputStream out;

    WireWriter(int type, int sizeHint) {
        out = new ByteArrayOutputStream(sizeHint + 1);
        out.write(type);
    }

    WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    WireWriter u16(int v) {
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    WireWriter u32(long v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    WireWriter i64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
        return this;
    }

    WireWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    WireWriter lengthPrefixed(byte[] b) {
        return u32(b.length).bytes(b);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
