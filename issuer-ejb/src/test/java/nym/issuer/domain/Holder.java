package nym.issuer.domain;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import nym.coconut.Attributes;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.credential.BlindSignPayload;

/**
 * A holder with real Coconut material (2-of-3 keys from a trusted dealer, standing for one key epoch's shares where
 * the test is not about the DKG), building requests as the ledger records them.
 */
public final class Holder {
    public static final RandomSource RNG = RandomSource.deterministic(42);
    public static final Parameters PARAMS = setup();
    public static final ThresholdKeys KEYS = keyGen();
    /** The key epoch {@link #issuer} stands for. */
    public static final long KEY_EPOCH = 1;

    private static final AtomicLong REQUESTS = new AtomicLong();

    public final Attributes token;
    public final ElGamalKeyPair elGamal = ElGamalKeyPair.generate(PARAMS, RNG);
    public final BlindSignPayload payload;

    public Holder(int value) throws Exception {
        token = Token.newToken(value, RNG);
        payload = new BlindSignPayload(
                elGamal.publicKey(), Issuance.prepareBlindSign(PARAMS, elGamal.publicKey(), token, RNG));
    }

    private static Parameters setup() {
        try {
            return Setup.setup(3);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThresholdKeys keyGen() {
        try {
            return KeyGen.ttpKeyGen(PARAMS, 2, 3, RNG);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Authority i's share of these keys, as if key epoch {@value #KEY_EPOCH} had dealt them. */
    public static IssuerKeys issuer(int i) {
        return new IssuerKeys(
                i,
                KEY_EPOCH,
                PARAMS,
                KEYS.issuer(i).secretKey(),
                KEYS.issuer(i).verificationKeyShare(),
                KEYS.verificationKey());
    }

    /** The request as the ledger records it when it debits {@code debited}, in key epoch {@value #KEY_EPOCH}. */
    public CredentialRequest recorded(long debited) {
        return recorded(debited, payload.toBytes(), KEY_EPOCH);
    }

    public CredentialRequest recorded(long debited, long keyEpoch) {
        return recorded(debited, payload.toBytes(), keyEpoch);
    }

    public static CredentialRequest recorded(long debited, byte[] payload) {
        return recorded(debited, payload, KEY_EPOCH);
    }

    private static CredentialRequest recorded(long debited, byte[] payload, long keyEpoch) {
        long n = REQUESTS.incrementAndGet();
        String id = HexFormat.of().withUpperCase().formatHex(new byte[24]) + String.format("%016X", n);
        return new CredentialRequest(id, n + "/0/0", "0x" + "ab".repeat(20), debited, payload, keyEpoch);
    }
}
