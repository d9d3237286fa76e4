package nym.coconut.encoding;

import java.math.BigInteger;
import java.util.Arrays;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;

/**
 * Reads {@code version ‖ tag ‖ body} strictly: the header must match, every field must be present, the total length
 * must equal the size derived in {@link Sizes} (checked by the caller with {@link #expectTotal}), and nothing may
 * follow the last field. Points are never allowed to be the identity.
 */
public final class ByteReader {
    private final byte[] in;
    private int pos;

    private ByteReader(byte[] in) {
        this.in = in;
    }

    /** Checks the header and returns a reader positioned on the body. */
    public static ByteReader open(byte[] in, TypeTag tag) throws CoconutException {
        if (in == null) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "no bytes");
        }
        if (in.length < Sizes.HEADER) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "shorter than the header");
        }
        if ((in[0] & 0xFF) != Sizes.VERSION) {
            throw new CoconutException(Kind.UNSUPPORTED_VERSION, "version " + (in[0] & 0xFF));
        }
        if ((in[1] & 0xFF) != tag.code()) {
            throw new CoconutException(Kind.WRONG_TYPE, "expected " + tag + ", tag is " + (in[1] & 0xFF));
        }
        ByteReader r = new ByteReader(in);
        r.pos = Sizes.HEADER;
        return r;
    }

    /** Insists that the whole encoding is exactly {@code size} bytes (call once the counts are known). */
    public ByteReader expectTotal(int size) throws CoconutException {
        if (in.length != size) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "length " + in.length + ", expected " + size);
        }
        return this;
    }

    private byte[] take(int n) throws CoconutException {
        if (in.length - pos < n) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "truncated");
        }
        byte[] b = Arrays.copyOfRange(in, pos, pos + n);
        pos += n;
        return b;
    }

    /** {@code n} opaque bytes (a ciphertext). */
    public byte[] raw(int n) throws CoconutException {
        return take(n);
    }

    public int u8() throws CoconutException {
        return take(1)[0] & 0xFF;
    }

    public int u16() throws CoconutException {
        byte[] b = take(2);
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    /** A count in [min, max]. */
    public int count(int min, int max) throws CoconutException {
        int c = u8();
        if (c < min || c > max) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "count " + c + " outside [" + min + ", " + max + "]");
        }
        return c;
    }

    /** A share index in [1, 65535]. */
    public int index() throws CoconutException {
        int i = u16();
        if (i == 0) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, "share index 0");
        }
        return i;
    }

    public G1Element g1() throws CoconutException {
        return G1Element.fromBytes(take(Sizes.G1), false);
    }

    public G2Element g2() throws CoconutException {
        return G2Element.fromBytes(take(Sizes.G2), false);
    }

    public BigInteger scalar() throws CoconutException {
        return Scalars.fromCanonicalBytes(take(Sizes.SCALAR));
    }

    /** Insists nothing follows. */
    public void end() throws CoconutException {
        if (pos != in.length) {
            throw new CoconutException(Kind.MALFORMED_ENCODING, (in.length - pos) + " trailing bytes");
        }
    }
}
