package nym.provider.application;

import java.util.ArrayList;
import java.util.List;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.testing.ScriptedKeyEpochs;
import nym.provider.domain.ledger.LedgerUnavailable;

/**
 * Real Coconut material for the tests: the 2-of-3 keys of key epochs 1 and {@link #KEY_EPOCH} on a scripted
 * {@code /dkg/completed}, and credentials issued by two of the authorities in {@link #KEY_EPOCH}.
 */
public final class TestCredentials {

    /** The key epoch every credential here is issued in: the latest completed one. */
    public static final long KEY_EPOCH = 2;

    public final RandomSource rng;
    public final Parameters params;
    /** The keys of key epoch 1. */
    public final ThresholdKeys previousKeys;
    /** The keys of {@link #KEY_EPOCH}. */
    public final ThresholdKeys keys;

    /** The ledger's /dkg/completed; down, it fails as the provider's ledger adapter does. */
    public final ScriptedKeyEpochs ledger = new ScriptedKeyEpochs(() -> new LedgerUnavailable("scripted outage", null));

    public TestCredentials() throws CoconutException {
        this(7);
    }

    /** Key sets of different seeds are unrelated. */
    public TestCredentials(long seed) throws CoconutException {
        rng = RandomSource.deterministic(seed);
        params = Setup.setup(3);
        previousKeys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        ledger.complete(1, previousKeys);
        ledger.complete(KEY_EPOCH, keys);
    }

    /** Key epoch {@code keyEpoch} completes with fresh keys: the latest from now on. */
    public void rotate(long keyEpoch) throws CoconutException {
        ledger.complete(keyEpoch, KeyGen.ttpKeyGen(params, 2, 3, rng));
    }

    /** A token and its aggregated signature, issued blindly by authorities 1 and 3. */
    public record Credential(Attributes token, Signature sigma, int value) {}

    public Credential issue(int value) throws CoconutException {
        Attributes token = Token.newToken(value, rng);
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
        BlindSignRequest lambda = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, rng);
        List<PartialSignature> shares = new ArrayList<>();
        for (int i : List.of(1, 3)) {
            shares.add(new PartialSignature(
                    i,
                    Issuance.unblind(
                            Issuance.blindSign(
                                    params,
                                    keys.issuer(i).secretKey(),
                                    elGamal.publicKey(),
                                    lambda,
                                    Token.publicAttributes(value)),
                            elGamal)));
        }
        return new Credential(token, Aggregation.aggregateSignatures(shares), value);
    }

    public Theta show(Credential c, byte[] binding, byte[] nonce) throws CoconutException {
        return Showing.proveCredential(params, keys.verificationKey(), c.sigma(), c.token(), binding, nonce, rng);
    }

    public CredentialCheck check() {
        return new CredentialCheck(params, new KeyEpochVerificationKeys(params, ledger));
    }
}
