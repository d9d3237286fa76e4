package nym.coconut.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.Fixtures;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;

/** n authorities with their DKG keys, at the token's shape (q = 3), running one key epoch of the DKG in memory. */
final class DkgRun {
    static final String CHAIN = "nym-test";
    static final long EPOCH = 1;
    private static final byte[] PROVIDER = "provider-1".getBytes(StandardCharsets.UTF_8);

    final Parameters params;
    final int threshold;
    final List<DkgKeyPair> keys = new ArrayList<>();
    final List<DkgPublicKey> publicKeys = new ArrayList<>();
    final RandomSource rng;

    DkgRun(int threshold, int size, long seed) throws CoconutException {
        this.params = Setup.setup(3);
        this.threshold = threshold;
        this.rng = RandomSource.deterministic(seed);
        for (int i = 0; i < size; i++) {
            DkgKeyPair key = DkgKeyPair.generate(rng);
            keys.add(key);
            publicKeys.add(key.publicKey());
        }
    }

    int size() {
        return keys.size();
    }

    DkgKeyPair key(int index) {
        return keys.get(index - 1);
    }

    static DealingContext context(int dealer) {
        return new DealingContext(CHAIN, EPOCH, dealer);
    }

    Dealing deal(int dealer) throws CoconutException {
        return Dealing.deal(params, threshold, publicKeys, context(dealer), rng);
    }

    /** Honest dealings from the given dealers, as the ledger would store them. */
    SortedMap<Integer, Dealing> dealings(List<Integer> dealers) throws CoconutException {
        SortedMap<Integer, Dealing> out = new TreeMap<>();
        for (int j : dealers) {
            out.put(j, deal(j));
        }
        return out;
    }

    static Map<Integer, DealingContext> contexts(Map<Integer, Dealing> dealings) {
        Map<Integer, DealingContext> out = new HashMap<>();
        dealings.keySet().forEach(j -> out.put(j, context(j)));
        return out;
    }

    /** Every recipient's secret share from the qualified dealings. */
    Map<Integer, SecretKey> secretShares(Map<Integer, Dealing> qualified) throws CoconutException {
        Map<Integer, SecretKey> out = new HashMap<>();
        for (int i = 1; i <= size(); i++) {
            out.put(i, DkgResult.secretShare(qualified, contexts(qualified), i, key(i)));
        }
        return out;
    }

    /**
     * The module's full issuance flow with the DKG's shares: blind signatures from {@code signers}, each share checked
     * against its vk_i, aggregated, shown and verified under the group key; also checks that the signers' vk_i
     * aggregate to the group key.
     */
    void issueAndVerify(DkgResult result, Map<Integer, SecretKey> shares, List<Integer> signers)
            throws CoconutException {
        Attributes token = Token.newToken(10, rng);
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
        BlindSignRequest lambda = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, rng);
        List<PartialSignature> partials = new ArrayList<>();
        List<VerificationKeyShare> keyShares = new ArrayList<>();
        for (int i : signers) {
            BlindedSignature blinded =
                    Issuance.blindSign(params, shares.get(i), elGamal.publicKey(), lambda, Token.publicAttributes(10));
            Signature sigmaI = Issuance.unblind(blinded, elGamal);
            SignatureVerification.verifyShare(params, result.share(i).key(), token, sigmaI);
            partials.add(new PartialSignature(i, sigmaI));
            keyShares.add(result.share(i));
        }
        assertEquals(result.verificationKey(), Aggregation.aggregateVerificationKeys(keyShares));
        Signature sigma = Aggregation.aggregateSignatures(partials);
        byte[] nonce = Fixtures.nonce(rng);
        Theta theta = Showing.proveCredential(params, result.verificationKey(), sigma, token, PROVIDER, nonce, rng);
        Showing.verifyCredential(
                params,
                result.verificationKey(),
                Theta.fromBytes(theta.toBytes()),
                Token.publicAttributes(10),
                PROVIDER,
                nonce);
    }
}
