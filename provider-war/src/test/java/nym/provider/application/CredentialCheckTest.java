package nym.provider.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import nym.coconut.CoconutException;
import nym.coconut.verification.ShowProof;
import nym.coconut.verification.Theta;
import nym.provider.application.SpendRefused.Reason;
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

    private static TestCredentials coconut;
    private static CredentialCheck check;
    private static TestCredentials.Credential ten;

    @BeforeAll
    static void issue() throws CoconutException {
        coconut = new TestCredentials();
        check = coconut.check();
        ten = coconut.issue(10);
    }

    @Test
    void check_honestSpend_passes() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertDoesNotThrow(() -> check.check(theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_wrongValue_refusedInvalidCredential() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(theta, 20, PROVIDER, NONCE));
    }

    @Test
    void check_boundToAnotherProvider_refusedInvalidCredential() throws CoconutException {
        Theta theta = coconut.show(ten, OTHER_PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_provenOverAnotherNonce_refusedInvalidCredential() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, OTHER_NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(theta, 10, PROVIDER, NONCE));
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
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(tampered, 10, PROVIDER, NONCE));
    }

    @Test
    void check_credentialOfAnotherKeySet_refusedInvalidCredential() throws CoconutException {
        TestCredentials foreign = new TestCredentials(8);
        Theta theta = foreign.show(foreign.issue(10), PROVIDER, NONCE);
        assertRefused(Reason.INVALID_CREDENTIAL, () -> check.check(theta, 10, PROVIDER, NONCE));
    }

    @Test
    void check_valueNoTokenHas_refusedMalformed() throws CoconutException {
        Theta theta = coconut.show(ten, PROVIDER, NONCE);
        assertRefused(Reason.MALFORMED, () -> check.check(theta, 3, PROVIDER, NONCE));
        assertRefused(Reason.MALFORMED, () -> check.check(theta, -10, PROVIDER, NONCE));
    }

    static void assertRefused(Reason reason, Runnable r) {
        SpendRefused e = assertThrows(SpendRefused.class, r::run);
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(!e.getMessage().isBlank());
    }
}
