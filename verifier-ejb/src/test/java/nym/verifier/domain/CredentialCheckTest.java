package nym.verifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nym.coconut.verification.Theta;
import nym.credential.DepositPayload;
import nym.credential.testing.ScriptedKeyEpochs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

    private static final ScriptedKeyEpochs LEDGER = Spender.keyEpochs();
    private static CredentialCheck check;
    private static Spender spender;

    @BeforeAll
    static void keys() throws Exception {
        check = Spender.check(LEDGER);
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
        DepositPayload payload = new DepositPayload(Spender.KEY_EPOCH, Spender.nonce(), theta);

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
    void check_credentialOfItsKeyEpochClaimingThePredecessor_rejectUnderThePredecessorsKey() throws Exception {
        Deposit claimingPredecessor = spender.depositNaming(Spender.KEY_EPOCH - 1);

        assertRejected(claimingPredecessor, "does not verify under key epoch 1");
    }

    @Test
    void check_credentialFromAnotherKeySet_reject() throws Exception {
        ScriptedKeyEpochs otherNetwork = Spender.keyEpochs();
        otherNetwork.complete(Spender.KEY_EPOCH, Spender.DEALER.newKeys());

        assertFalse(Spender.check(otherNetwork).check(spender.honestDeposit()).accept());
    }

    @Test
    void check_keyEpochExpiredOrNeverCompleted_rejectSayingWhich() throws Exception {
        ScriptedKeyEpochs rotatedTwice = Spender.keyEpochs();
        rotatedTwice.complete(3, Spender.DEALER.newKeys());
        rotatedTwice.complete(4, Spender.DEALER.newKeys());
        CredentialCheck afterRotations = Spender.check(rotatedTwice);

        Verdict expired = afterRotations.check(spender.honestDeposit());
        Verdict unknown = check.check(spender.depositNaming(9));

        assertFalse(expired.accept());
        assertTrue(expired.reason().contains("key epoch 2 has expired"), expired.reason());
        assertFalse(unknown.accept());
        assertTrue(unknown.reason().contains("key epoch 9 has not completed"), unknown.reason());
    }

    @Test
    void check_ledgerDown_throwsInsteadOfVoting() throws Exception {
        ScriptedKeyEpochs down = Spender.keyEpochs();
        down.down = true;
        Deposit honest = spender.honestDeposit();

        assertThrows(IllegalStateException.class, () -> Spender.check(down).check(honest));
    }

    @Test
    void check_keysOfTheKeyEpochPreparedOnce_sameVerdictAgain() throws Exception {
        ScriptedKeyEpochs ledger = Spender.keyEpochs();
        CredentialCheck fresh = Spender.check(ledger);
        assertEquals(Verdict.ACCEPT, fresh.check(spender.honestDeposit()));
        ledger.complete(Spender.KEY_EPOCH, Spender.DEALER.keys(1));

        assertEquals(Verdict.ACCEPT, fresh.check(spender.honestDeposit()), "the prepared key is not read again");
    }
}
