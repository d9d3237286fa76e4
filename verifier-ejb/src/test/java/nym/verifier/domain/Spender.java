package nym.verifier.domain;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
import nym.credential.DepositPayload;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.ProviderAddress;
import nym.credential.testing.ScriptedKeyEpochs;

/**
 * A holder with a real credential from 2 of 3 authorities in key epoch {@link #KEY_EPOCH}, spending it at providers as
 * nymclient does.
 */
public final class Spender {
    public static final RandomSource RNG = RandomSource.deterministic(99);
    public static final Parameters PARAMS = setup();
    /** The keys of key epoch 1, the predecessor of the credentials' key epoch. */
    public static final ThresholdKeys PREVIOUS_KEYS = keyGen();
    /** The keys of {@link #KEY_EPOCH}, the latest completed one, which issued every credential here. */
    public static final ThresholdKeys KEYS = keyGen();

    public static final long KEY_EPOCH = 2;
    public static final String PROVIDER = "0x" + "5a".repeat(20);
    public static final String OTHER_PROVIDER = "0x" + "6b".repeat(20);
    private static final AtomicLong DEPOSITS = new AtomicLong();

    private final Attributes token;
    private final Signature sigma;
    public final int value;

    public Spender(int value) throws Exception {
        this.value = value;
        token = Token.newToken(value, RNG);
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(PARAMS, RNG);
        BlindSignRequest lambda = Issuance.prepareBlindSign(PARAMS, elGamal.publicKey(), token, RNG);
        List<PartialSignature> shares = new ArrayList<>();
        for (int i : List.of(2, 3)) {
            shares.add(new PartialSignature(
                    i,
                    Issuance.unblind(
                            Issuance.blindSign(
                                    PARAMS,
                                    KEYS.issuer(i).secretKey(),
                                    elGamal.publicKey(),
                                    lambda,
                                    Token.publicAttributes(value)),
                            elGamal)));
        }
        sigma = Aggregation.aggregateSignatures(shares);
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

    /**
     * The ledger's /dkg/completed with key epochs 1 and 2 completed under {@link #PREVIOUS_KEYS} and {@link #KEYS};
     * down, it fails as the verifier's ledger adapter does.
     */
    public static ScriptedKeyEpochs keyEpochs() {
        ScriptedKeyEpochs ledger =
                new ScriptedKeyEpochs(() -> new IllegalStateException("ledger not reachable for /dkg/completed"));
        ledger.complete(1, PREVIOUS_KEYS);
        ledger.complete(KEY_EPOCH, KEYS);
        return ledger;
    }

    public static CredentialCheck check(ScriptedKeyEpochs ledger) {
        return new CredentialCheck(PARAMS, new KeyEpochVerificationKeys(PARAMS, ledger));
    }

    public static byte[] nonce() {
        byte[] nonce = new byte[32];
        RNG.nextBytes(nonce);
        return nonce;
    }

    /** Θ proven to {@code provenTo} with {@code nonce}. */
    public Theta show(String provenTo, byte[] nonce) throws Exception {
        return Showing.proveCredential(
                PARAMS, KEYS.verificationKey(), sigma, token, ProviderAddress.parse(provenTo), nonce, RNG);
    }

    /** The deposit the ledger records when {@code depositor} deposits {@code payload} claiming {@code value}. */
    public static Deposit deposit(String depositor, String zeta, long value, byte[] payload) {
        long n = DEPOSITS.incrementAndGet();
        String id = HexFormat.of().withUpperCase().formatHex(new byte[24]) + String.format("%016X", n);
        return new Deposit(id, n + "/0/0", depositor, zeta, value, payload);
    }

    /** The honest spend at {@link #PROVIDER}, deposited by it for the credential's value. */
    public Deposit honestDeposit() throws Exception {
        return depositNaming(KEY_EPOCH);
    }

    /** The spend at {@link #PROVIDER} with a payload that names {@code keyEpoch} (honest only for KEY_EPOCH). */
    public Deposit depositNaming(long keyEpoch) throws Exception {
        byte[] nonce = nonce();
        DepositPayload payload = new DepositPayload(keyEpoch, nonce, show(PROVIDER, nonce));
        return deposit(PROVIDER, payload.zetaHex(), value, payload.toBytes());
    }
}
