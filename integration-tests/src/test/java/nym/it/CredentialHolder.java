package nym.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nym.coconut.Attributes;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.ShowProof;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;
import nym.credential.BlindSignPayload;
import nym.credential.CompletedKeyEpoch;
import nym.credential.DepositPayload;

/**
 * The holder's side of the flow as nymclient does it, with the tree's Coconut parameters and the keys of one completed
 * key epoch as the ledger's {@code /dkg/completed} lists them: a token, its blind-sign payload, unblinding and checking
 * issuers' shares of that key epoch, aggregation, and showing to a provider with a payload naming the key epoch.
 */
final class CredentialHolder {
    static final RandomSource RNG = RandomSource.secure();

    final Parameters params;
    final CompletedKeyEpoch keys;
    final int value;
    final Attributes token;
    final ElGamalKeyPair elGamal;
    final BlindSignPayload payload;
    private final List<PartialSignature> shares = new ArrayList<>();

    CredentialHolder(Parameters params, CompletedKeyEpoch keys, int value) throws Exception {
        this.params = params;
        this.keys = keys;
        this.value = value;
        this.token = Token.newToken(value, RNG);
        this.elGamal = ElGamalKeyPair.generate(params, RNG);
        this.payload = new BlindSignPayload(
                elGamal.publicKey(), Issuance.prepareBlindSign(params, elGamal.publicKey(), token, RNG));
    }

    /**
     * Unblinds an issuer's 200 answer and checks σ_i against the share the ledger lists for its authority in this key
     * epoch; throws unless the answer names this key epoch and σ_i verifies.
     */
    void addShare(JsonNode partial) throws Exception {
        long keyEpoch = partial.path("key_epoch").asLong(0);
        if (keyEpoch != keys.keyEpoch()) {
            throw new AssertionError("partial of key epoch " + keyEpoch + ", the holder's is " + keys.keyEpoch());
        }
        int authority = partial.get("authority").asInt();
        VerificationKeyShare share = keys.share(authority)
                .orElseThrow(() -> new AssertionError("the ledger lists no share of authority " + authority));
        Signature sigma = Issuance.unblind(
                BlindedSignature.fromText(partial.get("blindedSignature").asText()), elGamal);
        SignatureVerification.verifyShare(params, share.key(), token, sigma);
        shares.add(new PartialSignature(share.index(), sigma));
    }

    /** Aggregates the first t shares and checks the credential against the key epoch's group key. */
    Signature credential() throws Exception {
        Signature sigma = Aggregation.aggregateSignatures(shares.subList(0, keys.threshold()));
        SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma);
        return sigma;
    }

    /** Θ proven to the provider's 20-byte address with its nonce, packed as the deposit's credential. */
    DepositPayload spend(byte[] provider, byte[] nonce) throws Exception {
        Theta theta =
                Showing.proveCredential(params, keys.verificationKey(), credential(), token, provider, nonce, RNG);
        return new DepositPayload(keys.keyEpoch(), nonce, theta);
    }

    static byte[] nonce() {
        byte[] nonce = new byte[32];
        RNG.nextBytes(nonce);
        return nonce;
    }

    /** Θ with its proof's responses reversed: a tampered showing whose elements all still parse. */
    static Theta swapResponses(Theta t) {
        List<BigInteger> responses = new ArrayList<>(t.proof().responsesM());
        Collections.reverse(responses);
        return new Theta(
                t.hPrime(),
                t.sPrime(),
                t.kappa(),
                t.nu(),
                t.zeta(),
                new ShowProof(t.proof().challenge(), t.proof().responseR(), responses));
    }
}
