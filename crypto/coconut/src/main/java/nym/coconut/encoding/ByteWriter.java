package nym.coconut.encoding;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;

/** Writes {@code version ‖ tag ‖ body}. */
public final class ByteWriter {
    private final ByteArrayOutputStream out;

    public ByteWriter(TypeTag tag, int expectedSize) {
        out = new ByteArrayOutputStream(expectedSize);
        out.write(Sizes.VERSION);
        out.write(tag.code());
    }

    public ByteWriter u8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("count out of range: " + v);
        }
        out.write(v);
        return this;
    }

    public ByteWriter u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("index out of range: " + v);
        }
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public ByteWriter g1(G1Element p) {
        out.writeBytes(p.toBytes());
        return this;
    }

    public ByteWriter g2(G2Element p) {
        out.writeBytes(p.toBytes());
        return this;
    }

    public ByteWriter scalar(BigInteger s) {
        out.writeBytes(Scalars.toBytes(s));
        return this;
    }

    /** Opaque bytes (a ciphertext), written as they are. */
    public ByteWriter raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
