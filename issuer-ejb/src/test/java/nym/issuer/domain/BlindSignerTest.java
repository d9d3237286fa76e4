package nym.issuer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.BlindSignProof;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.verification.SignatureVerification;
import nym.credential.BlindSignPayload;
import org.junit.jupiter.api.Test;

class BlindSignerTest {

    @Test
    void sign_requestForDebitedValue_sharesOfTwoAuthoritiesAggregateToAValidCredential() throws Exception {
        Holder holder = new Holder(10);
        CredentialRequest request = holder.recorded(10);
        List<PartialSignature> shares = new ArrayList<>();

        for (int i : List.of(1, 3)) {
            PartialCredential partial = new BlindSigner(Holder.issuer(i)).sign(request);

            assertTrue(partial.isIssued(), partial.refusal().orElse(""));
            assertEquals(i, partial.authority());
            assertEquals(request.requestId(), partial.requestId());
            Signature sigma = Issuance.unblind(
                    BlindedSignature.fromText(partial.blindedSignature().orElseThrow()), holder.elGamal);
            SignatureVerification.verifyShare(
                    Holder.PARAMS, Holder.KEYS.issuer(i).verificationKey(), holder.token, sigma);
            shares.add(new PartialSignature(i, sigma));
        }

        SignatureVerification.verifyShare(
                Holder.PARAMS, Holder.KEYS.verificationKey(), holder.token, Aggregation.aggregateSignatures(shares));
    }

    @Test
    void sign_ledgerDebitedLessThanHolderCommittedTo_refusedByProof() throws Exception {
        PartialCredential partial = new BlindSigner(Holder.issuer(1)).sign(new Holder(10).recorded(5));

        assertFalse(partial.isIssued());
        assertTrue(
                partial.refusal().orElseThrow().contains("INVALID_PROOF"),
                partial.refusal().orElseThrow());
    }

    @Test
    void sign_valueNotADenomination_refused() throws Exception {
        for (long value : new long[] {0, 3, 1000, Long.MAX_VALUE}) {
            PartialCredential partial = new BlindSigner(Holder.issuer(1)).sign(new Holder(10).recorded(value));

            assertTrue(partial.refusal().orElseThrow().contains("not a token denomination"), "value " + value);
        }
    }

    @Test
    void sign_malformedPayloads_refusedAsMalformed() throws Exception {
        byte[] good = new Holder(10).payload.toBytes();
        List<byte[]> bad = List.of(
                new byte[0],
                Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 1),
                "junk".getBytes());
        for (byte[] payload : bad) {
            PartialCredential partial = new BlindSigner(Holder.issuer(2)).sign(Holder.recorded(10, payload));

            assertTrue(
                    partial.refusal().orElseThrow().startsWith("malformed blind-sign payload"),
                    partial.refusal().orElseThrow());
        }
    }

    @Test
    void sign_tamperedProofResponse_refused() throws Exception {
        Holder holder = new Holder(20);
        BlindSignRequest lambda = holder.payload.lambda();
        BlindSignProof proof = lambda.proof();
        BlindSignProof tampered = new BlindSignProof(
                proof.challenge(),
                proof.responseO().add(java.math.BigInteger.ONE),
                proof.responsesK(),
                proof.responsesM());
        byte[] payload = new BlindSignPayload(
                        holder.payload.gamma(),
                        new BlindSignRequest(lambda.commitment(), lambda.ciphertexts(), tampered))
                .toBytes();

        PartialCredential partial = new BlindSigner(Holder.issuer(2)).sign(Holder.recorded(20, payload));

        assertTrue(
                partial.refusal().orElseThrow().contains("INVALID_PROOF"),
                partial.refusal().orElseThrow());
    }

    @Test
    void sign_otherHoldersElGamalKey_refused() throws Exception {
        Holder holder = new Holder(50);
        byte[] payload = new BlindSignPayload(new Holder(50).payload.gamma(), holder.payload.lambda()).toBytes();

        PartialCredential partial = new BlindSigner(Holder.issuer(3)).sign(Holder.recorded(50, payload));

        assertFalse(partial.isIssued());
    }

    @Test
    void sign_requestOfAnotherKeyEpoch_throwsInsteadOfSigning() throws Exception {
        CredentialRequest nextEpoch = new Holder(10).recorded(10, Holder.KEY_EPOCH + 1);

        assertThrows(IllegalArgumentException.class, () -> new BlindSigner(Holder.issuer(1)).sign(nextEpoch));
    }

    @Test
    void sign_issued_namesTheKeyEpoch() throws Exception {
        PartialCredential partial = new BlindSigner(Holder.issuer(1)).sign(new Holder(10).recorded(10));

        assertTrue(partial.isIssued());
        assertEquals(Holder.KEY_EPOCH, partial.keyEpoch());
    }

    @Test
    void issuerKeys_shareOfAnotherAuthority_refusedAndSecretNeverPrinted() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new IssuerKeys(
                        2,
                        1,
                        Holder.PARAMS,
                        Holder.KEYS.issuer(1).secretKey(),
                        Holder.KEYS.issuer(1).verificationKeyShare(),
                        Holder.KEYS.verificationKey()));
        String printed = Holder.issuer(1).toString();
        assertFalse(printed.contains(Holder.KEYS.issuer(1).secretKey().x().toString()), printed);
        assertTrue(printed.contains("redacted"));
    }
}
