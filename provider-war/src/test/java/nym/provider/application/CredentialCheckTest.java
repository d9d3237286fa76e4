package nym.provider.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import nym.coconut.CoconutException;
import nym.coconut.verification.ShowProof;
import nym.coconut.verification.Theta;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.testing.DealerCredentials;
import nym.credential.testing.DealerCredentials.Credential;
import nym.credential.testing.ScriptedKeyEpochs;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.ledger.LedgerUnavailable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

    private static final byte[] PROVIDER = new byte[20];
    private static final byte[] OTHER_PROVIDER = new byte[20];
    private static final byte[] NONCE = new byte[32];
    private static final byte[] OTHER_NONCE = new byte[32];

    static {
        PROVIDER[19] = 1;
        OTHER_PROVIDER[19] = 2;
        OTHER_NONCE[0] = 1;
    }

    /** The key epoch every credential here is issued in: the latest completed one, after key epoch 1. */
    static final long KEY_EPOCH = 2;

    private static DealerCredentials coconut;
    private static CredentialCheck check;
    private static Credential ten;

    @BeforeAll
    static void issue() throws CoconutException {
        coconut = new DealerCredentials(7, 1, KEY_EPOCH);
        check = checkOver(coconut, keyEpochsOf(coconut));
        ten = coconut.issue(KEY_EPOCH, 10);
    }

    /** The ledger's /dkg/completed with the dealer's key epochs; down, it fails as the provider's ledger adapter does. */
    static ScriptedKeyEpochs keyEpochsOf(DealerCredentials dealer) {
        return dealer.publish(new ScriptedKeyEpochs(() -> new LedgerUnavailable("scripted outage", null)));
    }

    static CredentialCheck checkOver(DealerCredentials dealer, ScriptedKeyEpochs ledger) {
        return new CredentialCheck(dealer.params, new KeyEpochVerificationKeys(dealer.params, ledger));
    }

    @Test
    void check_honestSpend_passes() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertDoesNotThrow(() -> check.check(KEY_EPOCH, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_wrongValue_refusedInvalidCredential() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(KEY_EPOCH, theta, 20, PROVIDER, NONCE));
    }

    @Test
    void check_boundToAnotherProvider_refusedInvalidCredential() throws CoconutException {
        Theta theta = coconut.show(ten, OTHER_PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(KEY_EPOCH, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_provenOverAnotherNonce_refusedInvalidCredential() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, OTHER_NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(KEY_EPOCH, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_tamperedProofResponse_refusedInvalidCredential() throws CoconutException {
        Theta honest = coconut.show(ten, PROVIDER, NONCE);
        ShowProof p = honest.proof();
        Theta tampered = new Theta(
                honest.hPrime(),
                honest.sPrime(),
                honest.kappa(),
                honest.nu(),
                honest.zeta(),
                new ShowProof(p.challenge(), p.responseR().add(BigInteger.ONE), p.responsesM()));
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(KEY_EPOCH, tampered, 10, PROVIDER, NONCE));
    }

    @Test
    void check_credentialOfAnotherKeySet_refusedInvalidCredential() throws CoconutException {
        DealerCredentials foreign = new DealerCredentials(8, KEY_EPOCH);
        Theta theta = foreign.show(foreign.issue(KEY_EPOCH, 10), PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(KEY_EPOCH, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_credentialOfItsKeyEpochClaimingThePredecessor_refusedUnderThePredecessorsKey() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(1, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_keyEpochExpiredAfterTwoRotations_refusedKeyEpochRefused() throws CoconutException {
        ScriptedKeyEpochs rotating = keyEpochsOf(coconut);
        CredentialCheck rotatingCheck = checkOver(coconut, rotating);
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertDoesNotThrow(() -> rotatingCheck.check(2, theta, 10, PROVIDER, NONCE));

        rotating.complete(3, coconut.newKeys());
        assertDoesNotThrow(() -> rotatingCheck.check(2, theta, 10, PROVIDER, NONCE), "the one before the latest");
        rotating.complete(4, coconut.newKeys());

        SpendRefused e = assertThrows(SpendRefused.class, () -> rotatingCheck.check(2, theta, 10, PROVIDER, NONCE));
        assertEquals(Reason.KEY_EPOCH_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("key epoch 2 has expired"), e.getMessage());
    }

    @Test
    void check_keyEpochNotCompleted_refusedKeyEpochRefused() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(Reason.KEY_EPOCH_REFUSED, () -> check.check(7, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_ledgerDownForTheKeys_refusedLedgerUnavailable() throws CoconutException {
        ScriptedKeyEpochs offline = keyEpochsOf(coconut);
        offline.down = true;
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(
                Reason.LEDGER_UNAVAILABLE,
                () -> checkOver(coconut, offline).check(KEY_EPOCH, theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_valueNoTokenHas_refusedMalformed() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(Reason.MALFORMED, () -> check.check(KEY_EPOCH, theta, 3, PROVIDER, NONCE));
        assertRefused(Reason.MALFORMED, () -> check.check(KEY_EPOCH, theta, -10, PROVIDER, NONCE));
    }

    static void assertRefused(Reason reason, Runnable r) {
        SpendRefused e = assertThrows(SpendRefused.class, r::run);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(!e.getMessage().isBlank());
    }
}
