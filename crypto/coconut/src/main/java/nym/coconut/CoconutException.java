package nym.coconut;

import java.util.Objects;

/**
 * The one exception type of the Coconut library. Every failure, from a malformed encoding to a credential whose
 * pairing equation does not hold, is reported as a {@code CoconutException} whose {@link Kind} says what was wrong.
 * Malformed input never escapes as an unchecked exception.
 */
public final class CoconutException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** Wrong length, truncated or trailing bytes, bad text form, bad flag bits. */
        MALFORMED_ENCODING,
        /** The version byte is not one this library reads. */
        UNSUPPORTED_VERSION,
        /** The type tag names another type than the one being parsed. */
        WRONG_TYPE,
        /** A scalar is not the canonical encoding of an element of Z_r (it is ≥ r). */
        NON_CANONICAL_SCALAR,
        /** A point encoding is not valid (flags, x ≥ p, non-canonical). */
        INVALID_POINT_ENCODING,
        /** The encoded x coordinate has no point on the curve. */
        POINT_NOT_ON_CURVE,
        /** The point is on the curve but not in the prime-order subgroup G1 or G2. */
        POINT_NOT_IN_SUBGROUP,
        /** The identity element where the scheme forbids it. */
        IDENTITY_POINT,
        /** An argument outside what the scheme allows: t, n, q, attribute counts, indices, token values. */
        INVALID_ARGUMENT,
        /** A zero-knowledge proof (π_s or π_v) does not verify. */
        INVALID_PROOF,
        /** A pairing equation (signature, share or credential) does not hold. */
        INVALID_SIGNATURE
    }

    private final Kind kind;

    public CoconutException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = Objects.requireNonNull(kind);
    }

    public CoconutException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    /** What was wrong. */
    public Kind kind() {
        return kind;
    }
}
