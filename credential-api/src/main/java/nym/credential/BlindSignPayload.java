package nym.credential;

import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.ElGamalPublicKey;
import nym.credential.PayloadException.Kind;

/**
 * The {@code blind_sign_request} of a ledger {@code CredentialRequest} transaction (and of its
 * {@code credential_request} event, base64): what an issuer needs to blind-sign, the holder's ElGamal public key γ
 * and the request Λ = (cm, c_j, π_s). The value is not in here: it is the transaction's {@code value}, which the
 * ledger debits and the issuers sign as the public attribute.
 *
 * <p>Binary form, version 1: {@code 0x01 ‖ 'R' ‖ u16 len ‖ γ (coconut binary) ‖ u16 len ‖ Λ (coconut binary)}.
 */
public record BlindSignPayload(ElGamalPublicKey gamma, BlindSignRequest lambda) {
    static final byte VERSION = 1;
    static final byte TYPE = 'R';
    private static final String WHAT = "blind-sign payload";

    public BlindSignPayload {
        Objects.requireNonNull(gamma);
        Objects.requireNonNull(lambda);
    }

    public byte[] toBytes() {
        return new PayloadWriter(VERSION, TYPE)
                .longField(gamma.toBytes())
                .longField(lambda.toBytes())
                .toBytes();
    }

    /**
     * Parses strictly: header, field lengths, no trailing bytes, and both Coconut encodings (points on the curve, in
     * the subgroup, canonical scalars). π_s is not checked here: that is BlindSign's job.
     */
    public static BlindSignPayload fromBytes(byte[] bytes) throws PayloadException {
        PayloadReader r = PayloadReader.open(bytes, VERSION, TYPE, WHAT);
        byte[] gamma = r.longField("γ", 1, PayloadWriter.MAX_BYTES);
        byte[] lambda = r.longField("Λ", 1, PayloadWriter.MAX_BYTES);
        r.end();
        try {
            return new BlindSignPayload(ElGamalPublicKey.fromBytes(gamma), BlindSignRequest.fromBytes(lambda));
        } catch (CoconutException e) {
            throw new PayloadException(Kind.INVALID_ELEMENT, WHAT + ": " + e.getMessage(), e);
        }
    }
}
