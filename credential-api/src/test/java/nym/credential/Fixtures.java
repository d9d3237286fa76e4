package nym.credential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.TreeMap;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.Theta;
import nym.credential.testing.DealerCredentials;

/**
 * Real Coconut material for the tests: a 2-of-3 key set, a blind-sign request and a shown credential (public for the
 * tests of {@code nym.credential.rpc}).
 */
public final class Fixtures {
    private static final DealerCredentials DEALER = new DealerCredentials(7, 1);
    static final RandomSource RNG = DEALER.rng;
    public static final Parameters PARAMS = DEALER.params;
    public static final ThresholdKeys KEYS = DEALER.keys(1);
    public static final byte[] PROVIDER = "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] NONCE = "a fresh nonce of 32 bytes .......".getBytes(StandardCharsets.US_ASCII);

    private Fixtures() {}

    static BlindSignPayload blindSignPayload() throws Exception {
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(PARAMS, RNG);
        BlindSignRequest lambda = Issuance.prepareBlindSign(PARAMS, elGamal.publicKey(), Token.newToken(10, RNG), RNG);
        return new BlindSignPayload(elGamal.publicKey(), lambda);
    }

    /** Another 2-of-3 key set: the keys of another key epoch. */
    public static ThresholdKeys otherKeys() {
        return DEALER.newKeys();
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
        return DEALER.show(DEALER.issue(1, 10), PROVIDER, NONCE);
    }
}
