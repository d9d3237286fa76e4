package nym.issuer.domain;

import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.Issuance;
import nym.credential.BlindSignPayload;
import nym.credential.PayloadException;

/**
 * Coconut's BlindSign for one authority over a request the ledger recorded: the public attribute is the value the
 * ledger debited, so a holder who committed to another value fails π_s and gets nothing. The outcome is a
 * {@link PartialCredential}, issued or refused with the reason; nothing here throws for bad input.
 */
public final class BlindSigner {
    private final IssuerKeys keys;

    public BlindSigner(IssuerKeys keys) {
        this.keys = keys;
    }

    public PartialCredential sign(CredentialRequest request) {
        if (request.keyEpoch() != keys.keyEpoch()) {
            // Signing with another epoch's share would give a partial nobody can verify against the named epoch.
            throw new IllegalArgumentException(
                    request + " names key epoch " + request.keyEpoch() + ", not " + keys.keyEpoch());
        }
        if (request.value() > Integer.MAX_VALUE || !Token.VALUES.contains((int) request.value())) {
            return refuse(request, "value " + request.value() + " is not a token denomination " + Token.VALUES);
        }
        BlindSignPayload payload;
        try {
            payload = BlindSignPayload.fromBytes(request.payload());
        } catch (PayloadException e) {
            return refuse(request, "malformed blind-sign payload: " + e.getMessage());
        }
        try {
            BlindedSignature blinded = Issuance.blindSign(
                    keys.params(), keys.secretKey(), payload.gamma(), payload.lambda(), Token.publicAttributes((int)
                            request.value()));
            return PartialCredential.issued(keys.authority(), request, blinded.toText());
        } catch (CoconutException e) {
            return refuse(request, e.getMessage());
        }
    }

    private PartialCredential refuse(CredentialRequest request, String reason) {
        return PartialCredential.refused(keys.authority(), request, reason);
    }
}
