package nym.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;
import nym.credential.BlindSignPayload;
import nym.credential.DepositPayload;
import nym.credential.NetworkTree;

/**
 * The holder's side of the flow as nymclient does it, with the test network tree's public Coconut material: a token,
 * its blind-sign payload, unblinding and checking issuers' shares, aggregation, and showing to a provider.
 */
final class CredentialHolder {
    static final RandomSource RNG = RandomSource.secure();

    final Parameters params;
    final VerificationKey aggregated;
    final int value;
    final Attributes token;
    final ElGamalKeyPair elGamal;
    final BlindSignPayload payload;
    private final List<PartialSignature> shares = new ArrayList<>();

    CredentialHolder(NetworkTree tree, int value) throws Exception {
        this.params = tree.parameters();
        this.aggregated = tree.verificationKey();
        this.value = value;
        this.token = Token.newToken(value, RNG);
        this.elGamal = ElGamalKeyPair.generate(params, RNG);
        this.payload = new BlindSignPayload(
                elGamal.publicKey(), Issuance.prepareBlindSign(params, elGamal.publicKey(), token, RNG));
    }

    /** Unblinds an issuer's 200 answer and checks σ_i against that issuer's share; throws if it does not verify. */
    void addShare(JsonNode partial, VerificationKeyShare share) throws Exception {
        Signature sigma = Issuance.unblind(
                BlindedSignature.fromText(partial.get("blindedSignature").asText()), elGamal);
        SignatureVerification.verifyShare(params, share.key(), token, sigma);
        shares.add(new PartialSignature(share.index(), sigma));
    }

    /** Aggregates the first t = 2 shares and checks the credential against the aggregated key. */
    Signature credential() throws Exception {
        Signature sigma = Aggregation.aggregateSignatures(shares.subList(0, 2));
        SignatureVerification.verifyShare(params, aggregated, token, sigma);
        return sigma;
    }

    /** Θ proven to the provider's 20-byte address with its nonce, packed as the deposit's credential. */
    DepositPayload spend(byte[] provider, byte[] nonce) throws Exception {
        Theta theta = Showing.proveCredential(params, aggregated, credential(), token, provider, nonce, RNG);
        return new DepositPayload(nonce, theta);
    }

    static byte[] nonce() {
        byte[] nonce = new byte[32];
        RNG.nextBytes(nonce);
        return nonce;
    }
}
