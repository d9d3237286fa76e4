package nym.provider.application;

import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.PayloadException;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.ledger.LedgerUnavailable;

/**
 * The provider's local check of a shown credential: its key epoch must be accepted (credential-api
 * {@code KeyEpochWindow}: the latest completed key epoch or the one before it), then VerifyCredential under that key
 * epoch's group key from the ledger (prepared once per key epoch), for the claimed value as public attribute, bound
 * to this provider and to the nonce it issued. The verifiers apply the same rule to the deposit, so a spend accepted
 * here is not rejected there for its key epoch (unless a rotation comes in between).
 */
public final class CredentialCheck {

    private final Parameters params;
    private final KeyEpochVerificationKeys keys;

    public CredentialCheck(Parameters params, KeyEpochVerificationKeys keys) {
        this.params = params;
        this.keys = keys;
    }

    /**
     * Throws {@link SpendRefused} unless Θ verifies under {@code keyEpoch}'s key for {@code value}, {@code binding}
     * and {@code nonce}: KEY_EPOCH_REFUSED, INVALID_CREDENTIAL, or LEDGER_UNAVAILABLE when the key cannot be read.
     */
    public void check(long keyEpoch, Theta theta, long value, byte[] binding, byte[] nonce) {
        List<java.math.BigInteger> publicAttributes = publicAttributes(value);
        PreparedVerificationKey key = key(keyEpoch);
        try {
            Showing.verifyCredential(params, key, theta, publicAttributes, binding, nonce);
        } catch (CoconutException e) {
            throw new SpendRefused(Reason.INVALID_CREDENTIAL, describe(e, value, keyEpoch), e);
        }
    }

    private PreparedVerificationKey key(long keyEpoch) {
        try {
            return keys.forKeyEpoch(keyEpoch);
        } catch (PayloadException e) {
            throw switch (e.kind()) {
                case KEY_EPOCH_UNKNOWN, KEY_EPOCH_EXPIRED ->
                    new SpendRefused(Reason.KEY_EPOCH_REFUSED, e.getMessage(), e);
                default ->
                    new SpendRefused(
                            Reason.LEDGER_UNAVAILABLE,
                            "the ledger's keys of key epoch " + keyEpoch + " do not read: " + e.getMessage(),
                            e);
            };
        } catch (LedgerUnavailable e) {
            throw new SpendRefused(
                    Reason.LEDGER_UNAVAILABLE,
                    "the ledger cannot be reached for the keys of key epoch " + keyEpoch + ": " + e.getMessage(),
                    e);
        }
    }

    /** [value] after checking it is one of the token's denominations. */
    static List<java.math.BigInteger> publicAttributes(long value) {
        if (value < 1 || value > Integer.MAX_VALUE || !Token.VALUES.contains((int) value)) {
            throw new SpendRefused(Reason.MALFORMED, "value " + value + " is not one of " + Token.VALUES);
        }
        try {
            return Token.publicAttributes((int) value);
        } catch (CoconutException e) {
            throw new SpendRefused(Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private static String describe(CoconutException e, long value, long keyEpoch) {
        return switch (e.kind()) {
            case INVALID_PROOF ->
                "the credential's proof does not verify: tampered, or shown for another value than " + value
                        + ", another provider or another nonce";
            case INVALID_SIGNATURE ->
                "the credential is not signed for value " + value
                        + " under the group key of key epoch " + keyEpoch
                        + " (forged, issued in another key epoch or key set, or the wrong value)";
            default -> "the credential does not verify: " + e.getMessage();
        };
    }
}
