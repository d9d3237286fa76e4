package nym.provider.application;

/**
 * A spend (or a request around it) the provider refuses; {@link #reason()} says why, the message says it for humans.
 * Thrown inside a transaction it rolls it back, so a refused spend leaves no row behind.
 */
public class SpendRefused extends RuntimeException {

    /** Why a request was refused; the REST layer maps each to an HTTP status. */
    public enum Reason {
        /** The request does not parse: JSON, hex, the credential's encoding, a value outside the denominations. */
        MALFORMED,
        /** The request body is larger than any valid request. */
        TOO_LARGE,
        /** No provider with this index is served here. */
        UNKNOWN_PROVIDER,
        /** The nonce was not issued by this provider, was used already, or expired. */
        NONCE_INVALID,
        /** The spend names another provider's binding. */
        WRONG_PROVIDER,
        /** Θ does not verify: tampered, or shown for another value, provider, nonce or key. */
        INVALID_CREDENTIAL,
        /**
         * The credential's key epoch is not accepted: older than the latest completed key epoch and the one before it
         * (expired), or never completed on the ledger.
         */
        KEY_EPOCH_REFUSED,
        /** ζ was spent before (at any provider) or is pending on the ledger. */
        DOUBLE_SPEND,
        /** The ledger refused the deposit for another reason. */
        LEDGER_REFUSED,
        /** The ledger could not be reached; nothing was recorded, the client may retry. */
        LEDGER_UNAVAILABLE,
        /** This deployment has no network tree ({@code nym.network.home}): it serves no provider. */
        NOT_CONFIGURED,
        /** No spend of this ζ is recorded at this provider. */
        UNKNOWN_SPEND
    }

    private final Reason reason;

    public SpendRefused(Reason reason, String message) {
        this(reason, message, null);
    }

    public SpendRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
