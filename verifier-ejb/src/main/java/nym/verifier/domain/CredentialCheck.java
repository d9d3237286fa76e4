package nym.verifier.domain;

import java.util.Locale;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.credential.DepositPayload;
import nym.credential.PayloadException;
import nym.credential.ProviderAddress;

/**
 * What a verifier checks before it votes on a deposit (credential-api/README.md, the provider binding): the value
 * is a token denomination; the payload parses; ζ in Θ is the deposit's ζ; and Θ verifies against the aggregated
 * key for the public attribute [value], the verifier identity = the depositing provider's address and the nonce in
 * the payload. Any failure is a reject with the reason; nothing here throws for bad input.
 */
public final class CredentialCheck {
    private final Parameters params;
    private final PreparedVerificationKey key;

    public CredentialCheck(Parameters params, PreparedVerificationKey key) {
        this.params = params;
        this.key = key;
    }

    public Verdict check(Deposit deposit) {
        if (deposit.value() > Integer.MAX_VALUE || !Token.VALUES.contains((int) deposit.value())) {
            return Verdict.reject("value " + deposit.value() + " is not a token denomination " + Token.VALUES);
        }
        DepositPayload payload;
        byte[] provider;
        try {
            provider = ProviderAddress.parse(deposit.provider());
            payload = DepositPayload.fromBytes(deposit.credential());
        } catch (PayloadException e) {
            return Verdict.reject("malformed deposit: " + e.getMessage());
        }
        if (!payload.zetaHex().equals(deposit.zeta().toLowerCase(Locale.ROOT))) {
            return Verdict.reject("ζ of the credential is not the deposit's ζ");
        }
        try {
            Showing.verifyCredential(
                    params,
                    key,
                    payload.theta(),
                    Token.publicAttributes((int) deposit.value()),
                    provider,
                    payload.nonce());
            return Verdict.ACCEPT;
        } catch (CoconutException e) {
            return Verdict.reject("credential does not verify: " + e.getMessage());
        }
    }
}
