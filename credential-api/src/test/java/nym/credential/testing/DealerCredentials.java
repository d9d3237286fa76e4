package nym.credential.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/**
 * Real Coconut credentials without a ledger: a trusted dealer's {@value #THRESHOLD}-of-{@value #AUTHORITIES} keys for
 * each key epoch a test names, credentials of a value issued blindly by {@value #THRESHOLD} authorities of a key epoch
 * and collected as a holder does, and Θ proven for a binding and nonce. Deterministic for a seed; the parameters are
 * the same for every seed, so two instances are two networks whose credentials the other does not accept.
 */
public final class DealerCredentials {

    public static final int THRESHOLD = 2;
    public static final int AUTHORITIES = 3;
    /** Authorities 1 and 3, not the first t: aggregation must not depend on which t sign. */
    private static final List<Integer> SIGNERS = List.of(1, 3);

    public final RandomSource rng;
    public final Parameters params;
    private final Map<Long, ThresholdKeys> keyEpochs = new TreeMap<>();

    /** A credential as its holder keeps it: the token, the ElGamal key of its request and the aggregated σ. */
    public record Credential(long keyEpoch, int value, Attributes token, ElGamalKeyPair requestKey, Signature sigma) {}

    /** Keys dealt for each of {@code keyEpochs}, in the order given. */
    public DealerCredentials(long seed, long... keyEpochs) {
        rng = RandomSource.deterministic(seed);
        params = coconut(() -> Setup.setup(Token.PRIVATE_ATTRIBUTES + Token.PUBLIC_ATTRIBUTES));
        for (long keyEpoch : keyEpochs) {
            this.keyEpochs.put(keyEpoch, newKeys());
        }
    }

    /** The keys dealt for {@code keyEpoch}. */
    public ThresholdKeys keys(long keyEpoch) {
        ThresholdKeys keys = keyEpochs.get(keyEpoch);
        if (keys == null) {
            throw new IllegalArgumentException("no keys dealt for key epoch " + keyEpoch + ": " + keyEpochs.keySet());
        }
        return keys;
    }

    /** A key set of no key epoch here: a later key epoch's, or another network's. */
    public ThresholdKeys newKeys() {
        return coconut(() -> KeyGen.ttpKeyGen(params, THRESHOLD, AUTHORITIES, rng));
    }

    /** Every key epoch dealt here completes on {@code ledger}; returns it. */
    public ScriptedKeyEpochs publish(ScriptedKeyEpochs ledger) {
        keyEpochs.forEach(ledger::complete);
        return ledger;
    }

    /** A token of {@code value} signed blindly in {@code keyEpoch}, each share unblinded, then aggregated. */
    public Credential issue(long keyEpoch, int value) throws CoconutException {
        ThresholdKeys keys = keys(keyEpoch);
        Attributes token = Token.newToken(value, rng);
        ElGamalKeyPair requestKey = ElGamalKeyPair.generate(params, rng);
        BlindSignRequest lambda = Issuance.prepareBlindSign(params, requestKey.publicKey(), token, rng);
        List<PartialSignature> shares = new ArrayList<>();
        for (int i : SIGNERS) {
            Signature share = Issuance.unblind(
                    Issuance.blindSign(
                            params,
                            keys.issuer(i).secretKey(),
                            requestKey.publicKey(),
                            lambda,
                            Token.publicAttributes(value)),
                    requestKey);
            shares.add(new PartialSignature(i, share));
        }
        return new Credential(keyEpoch, value, token, requestKey, Aggregation.aggregateSignatures(shares));
    }

    /** Θ of {@code c} proven to the verifier identity {@code binding} over {@code nonce}, under its key epoch's key. */
    public Theta show(Credential c, byte[] binding, byte[] nonce) throws CoconutException {
        return Showing.proveCredential(
                params, keys(c.keyEpoch()).verificationKey(), c.sigma(), c.token(), binding, nonce, rng);
    }

    private interface CoconutStep<T> {
        T run() throws CoconutException;
    }

    /** Setup and dealing fail only on arguments this class fixes: a failure is a bug here, not a test's outcome. */
    private static <T> T coconut(CoconutStep<T> step) {
        try {
            return step.run();
        } catch (CoconutException e) {
            throw new IllegalStateException(e);
        }
    }
}
