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
        /**
         * The packet is of another format version: a version-1 packet (hop keys from the shared secret alone, found
         * when γ fails under the version-2 keys but matches the version-1 ones), or routing information decrypted
         * under a valid MAC carrying an unknown version.
         */
        UNSUPPORTED_VERSION,
        /**
         * The packet's γ verified but its replay tag was already recorded: the {@link ReplayGuard} refused it before
         * the hop's remaining work.
         */
        REPLAY,
        /** The routing information carries unknown flags or a negative delay. */
        INVALID_ROUTING,
        /** The payload integrity check failed at the recipient ({@link Payloads#openFinal}, {@link SurbSecret#open}). */
        PAYLOAD_CORRUPTED,
        /** A message is longer than the payload of this network can carry. */
        MESSAGE_TOO_LONG,
        /** A route has no hops, more than {@link SphinxSizes#MAX_HOPS}, an empty layer, or a low-order node key. */
        INVALID_ROUTE,
        /** A SURB reply is opened with the secret of another SURB. */
        SURB_MISMATCH,
        /**
         * A sealed payload does not open: not sealed to this key, changed on the way, or an ephemeral key of low order
         * ({@link SealedPayload#open}).
         */
        SEAL_OPEN_FAILED,
        /** A recipient's encryption key is not 32 bytes or is of low order ({@link SealedPayload#seal}). */
        INVALID_KEY
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
