package nym.coconut.keygen;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.Scalars;

/**
 * An issuing key sk = (x, y_1..y_q) (or an issuer's Shamir share of it). Never printed; compared in constant time.
 */
public final class SecretKey {
    private final BigInteger x;
    private final List<BigInteger> ys;

    SecretKey(BigInteger x, List<BigInteger> ys) {
        this.x = x;
        this.ys = List.copyOf(ys);
    }

    /**
     * sk = (x, y_1..y_q) from its scalars, e.g. a share a DKG produced. Refuses q outside [1, 32] (INVALID_ARGUMENT)
     * and scalars outside [0, r) (NON_CANONICAL_SCALAR).
     */
    public static SecretKey of(BigInteger x, List<BigInteger> ys) throws CoconutException {
        if (ys.isEmpty() || ys.size() > Sizes.MAX_ATTRIBUTES) {
            throw new CoconutException(
                    CoconutException.Kind.INVALID_ARGUMENT, "a secret key has 1 to " + Sizes.MAX_ATTRIBUTES + " y's");
        }
        if (!Scalars.isCanonical(x) || !ys.stream().allMatch(Scalars::isCanonical)) {
            throw new CoconutException(CoconutException.Kind.NON_CANONICAL_SCALAR, "key scalar outside [0, r)");
        }
        return new SecretKey(x, ys);
    }

    /** x. */
    public BigInteger x() {
        return x;
    }

    /** y_j for j in [0, q). */
    public BigInteger y(int j) {
        return ys.get(j);
    }

    /** q, the number of y's. */
    public int size() {
        return ys.size();
    }

    public byte[] toBytes() {
        ByteWriter w = new ByteWriter(TypeTag.SECRET_KEY, Sizes.secretKey(ys.size()))
                .u8(ys.size())
                .scalar(x);
        ys.forEach(w::scalar);
        return w.toBytes();
    }

    public static SecretKey fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.SECRET_KEY);
        int q = r.count(1, Sizes.MAX_ATTRIBUTES);
        r.expectTotal(Sizes.secretKey(q));
        BigInteger x = r.scalar();
        List<BigInteger> ys = new ArrayList<>(q);
        for (int j = 0; j < q; j++) {
            ys.add(r.scalar());
        }
        r.end();
        return new SecretKey(x, ys);
    }

    public String toText() {
        return TextForm.encode(TypeTag.SECRET_KEY, toBytes());
    }

    public static SecretKey fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.SECRET_KEY, text));
    }

    /** Constant-time comparison of the encodings. */
    public boolean constantTimeEquals(SecretKey other) {
        return other != null && MessageDigest.isEqual(toBytes(), other.toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKey && constantTimeEquals((SecretKey) o);
    }

    @Override
    public int hashCode() {
        return ys.size();
    }

    @Override
    public String toString() {
        return "SecretKey[q=" + ys.size() + ", redacted]";
    }
}
