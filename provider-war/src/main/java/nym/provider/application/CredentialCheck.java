package nym.provider.application;

import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.provider.application.SpendRefused.Reason;

/**
 * The provider's local check of a shown credential: VerifyCredential under the network's aggregated verification key
 * (prepared once: fixed-base tables for β_j), for the claimed value as public attribute, bound to this provider and
 * to the nonce it issued.
 */
public final class CredentialCheck {

    private final Parameters params;
    private final PreparedVerificationKey key;

    public CredentialCheck(Parameters params, VerificationKey aggregated) throws CoconutException {
        this.params = params;
        this.key = PreparedVerificationKey.prepare(params, aggregated, Token.PRIVATE_ATTRIBUTES);
    }

    /** Throws {@link SpendRefused} unless Θ verifies for {@code value}, {@code binding} and {@code nonce}. */
    public void check(Theta theta, long value, byte[] binding, byte[] nonce) {
        List<java.math.BigInteger> publicAttributes = publicAttributes(value);
        try {
            Showing.verifyCredential(params, key, theta, publicAttributes, binding, nonce);
        } catch (CoconutException e) {
            throw new SpendRefused(Reason.INVALID_CREDENTIAL, describe(e, value), e);
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

    private static String describe(CoconutException e, long value) {
        return switch (e.kind()) {
            case INVALID_PROOF ->
                "the credential's proof does not verify: tampered, or shown for another value than " + value
                        + ", another provider or another nonce";
            case INVALID_SIGNATURE ->
                "the credential is not signed for value " + value
                        + " under the network's aggregated key (forged, another key set, or the wrong value)";
            default -> "the credential does not verify: " + e.getMessage();
        };
    }
}
