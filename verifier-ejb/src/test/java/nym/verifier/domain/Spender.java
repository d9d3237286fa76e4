package nym.verifier.domain;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import nym.coconut.verification.Theta;
import nym.credential.DepositPayload;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.ProviderAddress;
import nym.credential.testing.DealerCredentials;
import nym.credential.testing.DealerCredentials.Credential;
import nym.credential.testing.ScriptedKeyEpochs;

/**
 * A holder with a real credential from 2 of 3 authorities in key epoch {@link #KEY_EPOCH}, spending it at providers as
 * nymclient does.
 */
public final class Spender {
    /** The key epoch that issued every credential here: the latest completed one, after key epoch 1. */
    public static final long KEY_EPOCH = 2;
    /** The keys of key epochs 1 and {@link #KEY_EPOCH}. */
    public static final DealerCredentials DEALER = new DealerCredentials(99, 1, KEY_EPOCH);

    public static final String PROVIDER = "0x" + "5a".repeat(20);
    public static final String OTHER_PROVIDER = "0x" + "6b".repeat(20);
    private static final AtomicLong DEPOSITS = new AtomicLong();

    private final Credential credential;

    public Spender(int value) throws Exception {
        credential = DEALER.issue(KEY_EPOCH, value);
    }

    /** The ledger's /dkg/completed with the dealer's key epochs; down, it fails as the verifier's ledger adapter does. */
    public static ScriptedKeyEpochs keyEpochs() {
        return DEALER.publish(
                new ScriptedKeyEpochs(() -> new IllegalStateException("ledger not reachable for /dkg/completed")));
    }

    public static CredentialCheck check(ScriptedKeyEpochs ledger) {
        return new CredentialCheck(DEALER.params, new KeyEpochVerificationKeys(DEALER.params, ledger));
    }

    public static byte[] nonce() {
        byte[] nonce = new byte[32];
        DEALER.rng.nextBytes(nonce);
        return nonce;
    }

    /** Θ proven to {@code provenTo} with {@code nonce}. */
    public Theta show(String provenTo, byte[] nonce) throws Exception {
        return DEALER.show(credential, ProviderAddress.parse(provenTo), nonce);
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
        return deposit(PROVIDER, payload.zetaHex(), credential.value(), payload.toBytes());
    }
}
