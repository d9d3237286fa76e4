package nym.sphinx;

/**
 * The only exception the Sphinx library throws for bad input: malformed or tampered packets, invalid routes,
 * messages that do not fit. A mix node drops the packet and counts it by {@link #kind()}.
 *
 * <p>Messages never contain key material.
 */
public final class SphinxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an operation was refused. */
    public enum Kind {
        /** Wrong length or a byte layout that cannot be parsed. */
        MALFORMED,
        /** α is not a canonical X25519 point or gives an all-zero shared secret (low order point). */
        INVALID_ALPHA,
        /** γ does not authenticate β under the key derived at this hop (tampered header or wrong node key). */
        MAC_MISMATCH,
        /** The routing information decrypted under a valid MAC carries a version this library does not speak. */
        UNSUPPORTED_VERSION,
        /** The routing information carries unknown flags or a negative delay. */
        INVALID_ROUTING,
        /** The payload integrity check failed at the final hop (or when a SURB reply is opened). */
        PAYLOAD_CORRUPTED,
        /** A message is longer than the payload of this network can carry. */
        MESSAGE_TOO_LONG,
        /** A route has no hops, more than {@link SphinxSizes#MAX_HOPS}, an empty layer, or a low-order node key. */
        INVALID_ROUTE,
        /** A SURB reply is opened with the secret of another SURB. */
        SURB_MISMATCH
    }

    private final Kind kind;

    public SphinxException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
