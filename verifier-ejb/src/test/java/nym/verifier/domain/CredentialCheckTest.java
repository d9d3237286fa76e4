package nym.verifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nym.coconut.verification.Theta;
import nym.credential.DepositPayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

    private static CredentialCheck check;
    private static Spender spender;

    @BeforeAll
    static void keys() throws Exception {
        check = Spender.check();
        spender = new Spender(10);
    }

    private static void assertRejected(Deposit deposit, String reasonPart) {
        Verdict verdict = check.check(deposit);
        assertFalse(verdict.accept(), "accepted " + deposit);
        assertTrue(verdict.reason().contains(reasonPart), verdict.reason());
    }

    @Test
    void check_honestSpend_accept() throws Exception {
        assertEquals(Verdict.ACCEPT, check.check(spender.honestDeposit()));
    }

    @Test
    void check_providerClaimsMoreThanTheCredentialsValue_reject() throws Exception {
        Deposit honest = spender.honestDeposit();

        assertRejected(Spender.deposit(honest.provider(), honest.zeta(), 20, honest.credential()), "does not verify");
    }

    @Test
    void check_depositedByAnotherProviderThanTheOneItWasShownTo_reject() throws Exception {
        Deposit honest = spender.honestDeposit();

        assertRejected(
                Spender.deposit(Spender.OTHER_PROVIDER, honest.zeta(), 10, honest.credential()), "INVALID_PROOF");
    }

    @Test
    void check_nonceOtherThanTheProven_reject() throws Exception {
        Theta theta = spender.show(Spender.PROVIDER, Spender.nonce());
        DepositPayload payload = new DepositPayload(Spender.nonce(), theta);

        assertRejected(Spender.deposit(Spender.PROVIDER, payload.zetaHex(), 10, payload.toBytes()), "INVALID_PROOF");
    }

    @Test
    void check_tamperedProofScalar_reject() throws Exception {
        Deposit honest = spender.honestDeposit();
        byte[] tampered = honest.credential();
        tampered[tampered.length - 1] ^= 0x01; // last response of π_v, still a canonical scalar almost surely

        assertRejected(Spender.deposit(honest.provider(), honest.zeta(), 10, tampered), "");
    }

    @Test
    void check_zetaOfAnotherCredential_reject() throws Exception {
        Deposit honest = spender.honestDeposit();
        String otherZeta = new Spender(10).honestDeposit().zeta();

        assertRejected(Spender.deposit(honest.provider(), otherZeta, 10, honest.credential()), "ζ");
    }

    @Test
    void check_malformedCredentialOrProvider_reject() throws Exception {
        Deposit honest = spender.honestDeposit();
        byte[] cut = Arrays.copyOf(honest.credential(), 100);

        assertRejected(Spender.deposit(honest.provider(), honest.zeta(), 10, cut), "malformed deposit");
        assertRejected(Spender.deposit(honest.provider(), honest.zeta(), 10, new byte[0]), "malformed deposit");
        assertRejected(Spender.deposit("0x12", honest.zeta(), 10, honest.credential()), "malformed deposit");
    }

    @Test
    void check_valueNotADenomination_reject() throws Exception {
        Deposit honest = spender.honestDeposit();

        for (long value : new long[] {0, 3, 1L << 40}) {
            assertRejected(
                    Spender.deposit(honest.provider(), honest.zeta(), value, honest.credential()),
                    "not a token denomination");
        }
    }

    @Test
    void check_credentialFromAnotherKeySet_reject() throws Exception {
        Deposit honest = spender.honestDeposit();
        CredentialCheck otherNetwork = new CredentialCheck(
                Spender.PARAMS,
                nym.coconut.verification.PreparedVerificationKey.prepare(
                        Spender.PARAMS,
                        nym.coconut.keygen.KeyGen.ttpKeyGen(Spender.PARAMS, 2, 3, Spender.RNG)
                                .verificationKey(),
                        2));

        assertFalse(otherNetwork.check(honest).accept());
    }
}
