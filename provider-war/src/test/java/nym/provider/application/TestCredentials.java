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

/** Real Coconut material for the tests: 2-of-3 keys and credentials issued by two of the authorities. */
public final class TestCredentials {

    public final RandomSource rng;
    public final Parameters params;
    public final ThresholdKeys keys;

    public TestCredentials() throws CoconutException {
        this(7);
    }

    /** Key sets of different seeds are unrelated. */
    public TestCredentials(long seed) throws CoconutException {
        rng = RandomSource.deterministic(seed);
        params = Setup.setup(3);
        keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
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

    public CredentialCheck check() throws CoconutException {
        return new CredentialCheck(params, keys.verificationKey());
    }
}
