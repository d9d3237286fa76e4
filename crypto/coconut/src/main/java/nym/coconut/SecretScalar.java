package nym.coconut;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Objects;
import nym.coconut.math.Scalars;

/**
 * A secret element of Z_r (a private attribute such as the serial s, an ElGamal key d, a key component x or y_j).
 * Its value never appears in {@link #toString()}; equality is decided in constant time over the canonical encoding.
 */
public final class SecretScalar {
    private final BigInteger value;

    private SecretScalar(BigInteger value) {
        this.value = value;
    }

    /** Wraps {@code value}, which must already be in [0, r). */
    public static SecretScalar of(BigInteger value) throws CoconutException {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(Scalars.R) >= 0) {
            throw new CoconutException(CoconutException.Kind.NON_CANONICAL_SCALAR, "secret scalar outside [0, r)");
        }
        return new SecretScalar(value);
    }

    /** A uniformly random non-zero scalar. */
    public static SecretScalar random(RandomSource rng) {
        return new SecretScalar(Scalars.randomNonZero(rng));
    }

    /** Parses the 32-byte big-endian canonical encoding. */
    public static SecretScalar fromBytes(byte[] bytes) throws CoconutException {
        return new SecretScalar(Scalars.fromCanonicalBytes(bytes));
    }

    /** The 32-byte big-endian canonical encoding (a fresh copy the caller should wipe). */
    public byte[] toBytes() {
        return Scalars.toBytes(value);
    }

    /** The value, for the protocol code. */
    public BigInteger value() {
        return value;
    }

    /** Constant-time comparison of the canonical encodings. */
    public boolean constantTimeEquals(SecretScalar other) {
        return other != null && MessageDigest.isEqual(toBytes(), other.toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretScalar && constantTimeEquals((SecretScalar) o);
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative: secrets are not meant to be hashed
    }

    @Override
    public String toString() {
        return "SecretScalar[redacted]";
    }
}
