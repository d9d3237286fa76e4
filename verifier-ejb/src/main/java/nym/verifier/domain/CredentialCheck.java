package nym.verifier.domain;

import java.util.Locale;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.credential.DepositPayload;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.PayloadException;
import nym.credential.ProviderAddress;

/**
 * What a verifier checks before it votes on a deposit (credential-api/README.md, the provider binding): the value
 * is a token denomination; the payload parses; ζ in Θ is the deposit's ζ; the payload's key epoch is one the ledger
 * still accepts (the latest completed and the one before it); and Θ verifies against that key epoch's group key for
 * the public attribute [value], the verifier identity = the depositing provider's address and the nonce in the
 * payload. Any failure of the deposit is a reject with the reason. Only what is no answer on the deposit throws: an
 * unreachable ledger or one whose key answer does not read, so the event is offered again.
 */
public final class CredentialCheck {
    private final Parameters params;
    private final KeyEpochVerificationKeys keys;

    public CredentialCheck(Parameters params, KeyEpochVerificationKeys keys) {
        this.params = params;
        this.keys = keys;
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
        PreparedVerificationKey key;
        try {
            key = keys.forKeyEpoch(payload.keyEpoch());
        } catch (PayloadException e) {
            return switch (e.kind()) {
                case KEY_EPOCH_UNKNOWN, KEY_EPOCH_EXPIRED -> Verdict.reject("key epoch refused: " + e.getMessage());
                default ->
                    throw new IllegalStateException(
                            "the ledger's keys of key epoch " + payload.keyEpoch() + " do not read: " + e.getMessage(),
                            e);
            };
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
            return Verdict.reject(
                    "credential does not verify under key epoch " + payload.keyEpoch() + ": " + e.getMessage());
        }
    }
}
