package nym.credential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import nym.coconut.Attributes;
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
 * Real Coconut material for the tests: a 2-of-3 key set, a blind-sign request and a shown credential (public for the
 * tests of {@code nym.credential.rpc}).
 */
public final class Fixtures {
    static final RandomSource RNG = RandomSource.deterministic(7);
    public static final Parameters PARAMS = params();
    public static final ThresholdKeys KEYS = keys();
    public static final byte[] PROVIDER = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] NONCE = "a fresh nonce of 32 bytes .......".getBytes(StandardCharsets.US_ASCII);

    private Fixtures() {}

    private static Parameters params() {
        try {
            return Setup.setup(3);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThresholdKeys keys() {
        try {
            return KeyGen.ttpKeyGen(PARAMS, 2, 3, RNG);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static BlindSignPayload blindSignPayload() throws Exception {
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(PARAMS, RNG);
        BlindSignRequest lambda = Issuance.prepareBlindSign(PARAMS, elGamal.publicKey(), Token.newToken(10, RNG), RNG);
        return new BlindSignPayload(elGamal.publicKey(), lambda);
    }

    /** Another 2-of-3 key set: the keys of another key epoch. */
    public static ThresholdKeys otherKeys() {
        return keys();
    }

    static CompletedKeyEpoch completed(long keyEpoch, ThresholdKeys keys) {
        TreeMap<Integer, nym.coconut.keygen.VerificationKeyShare> shares = new TreeMap<>();
        for (int i = 1; i <= keys.size(); i++) {
            shares.put(i, keys.issuer(i).verificationKeyShare());
        }
        return new CompletedKeyEpoch(keyEpoch, keys.threshold(), keys.verificationKey(), shares);
    }

    /** The ledger's /dkg/completed answer for these keys, with the members this module does not read. */
    public static String completedJson(long keyEpoch, ThresholdKeys keys) {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder shares = new StringBuilder();
        for (int i = 1; i <= keys.size(); i++) {
            shares.append(i == 1 ? "" : ",")
                    .append("{\"index\":")
                    .append(i)
                    .append(",\"verification_key_share\":\"")
                    .append(b64.encodeToString(
                            keys.issuer(i).verificationKeyShare().toBytes()))
                    .append("\"}");
        }
        return "{\"key_epoch\":" + keyEpoch + ",\"phase\":\"completed\",\"threshold\":" + keys.threshold()
                + ",\"size\":3,\"dealing_start\":1,\"dealing_end\":11,\"complaint_end\":21,"
                + "\"completed_height\":21,\"dealers\":[1,2,3],\"disqualified\":[],\"qualified\":[1,2,3],"
                + "\"verification_key\":\""
                + b64.encodeToString(keys.verificationKey().toBytes()) + "\","
                + "\"shares\":[" + shares + "],\"issuers\":[]}";
    }

    public static Theta theta() throws Exception {
        Attributes token = Token.newToken(10, RNG);
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(PARAMS, RNG);
        BlindSignRequest lambda = Issuance.prepareBlindSign(PARAMS, elGamal.publicKey(), token, RNG);
        List<PartialSignature> shares = new ArrayList<>();
        for (int i : List.of(1, 2)) {
            Signature share = Issuance.unblind(
                    Issuance.blindSign(
                            PARAMS,
                            KEYS.issuer(i).secretKey(),
                            elGamal.publicKey(),
                            lambda,
                            Token.publicAttributes(10)),
                    elGamal);
            shares.add(new PartialSignature(i, share));
        }
        Signature sigma = Aggregation.aggregateSignatures(shares);
        return Showing.proveCredential(PARAMS, KEYS.verificationKey(), sigma, token, PROVIDER, NONCE, RNG);
    }
}
