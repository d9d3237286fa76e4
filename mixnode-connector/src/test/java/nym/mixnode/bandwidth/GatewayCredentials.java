package nym.mixnode.bandwidth;

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
import nym.gateway.api.SpendCredential;

/**
 * Real Coconut credentials for the gateway's tests: 2-of-3 dealer keys of key epochs 1 and {@link #KEY_EPOCH}
 * completed on the {@link ScriptedLedger}'s {@code /dkg/completed}, credentials blindly issued by two authorities of
 * {@link #KEY_EPOCH}, shown for a binding and nonce as a client shows them to its gateway.
 */
public final class GatewayCredentials {

    /** The key epoch every credential here is issued in: the latest completed one. */
    public static final long KEY_EPOCH = 2;

    public final RandomSource rng;
    public final Parameters params;
    public final ThresholdKeys keys;

    public GatewayCredentials(ScriptedLedger ledger) throws CoconutException {
        rng = RandomSource.deterministic(11);
        params = Setup.setup(3);
        ledger.coconut = params;
        ledger.keyEpochs.complete(1, KeyGen.ttpKeyGen(params, 2, 3, rng));
        keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        ledger.keyEpochs.complete(KEY_EPOCH, keys);
    }

    /** A token of {@code value} and its aggregated signature. */
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

    /** The client's SpendCredential: {@code c} shown for {@code binding} and {@code nonce}, claiming {@code value}. */
    public SpendCredential spend(Credential c, byte[] binding, byte[] nonce, long value) throws CoconutException {
        byte[] theta = Showing.proveCredential(
                        params, keys.verificationKey(), c.sigma(), c.token(), binding, nonce, rng)
                .toBytes();
        return new SpendCredential(KEY_EPOCH, value, nonce, theta);
    }

    public SpendCredential spend(Credential c, byte[] binding, byte[] nonce) throws CoconutException {
        return spend(c, binding, nonce, c.value());
    }
}
