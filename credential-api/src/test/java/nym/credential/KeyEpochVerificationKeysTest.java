package nym.credential;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyEpochVerificationKeysTest {

    /** Key epoch 2 has the fixtures' keys (the credential's); 1 and 3 have keys of their own. */
    private static final ThresholdKeys EPOCH_1 = Fixtures.otherKeys();

    private static final ThresholdKeys EPOCH_3 = Fixtures.otherKeys();
    private static Theta theta;

    @BeforeAll
    static void show() throws Exception {
        theta = Fixtures.theta();
    }

    /** /dkg/completed of a ledger where the test sets which key epochs completed; counts the questions. */
    static final class ScriptedLedger implements KeyEpochVerificationKeys.Ledger {
        final Map<Long, CompletedKeyEpoch> completed = new HashMap<>();
        final List<Long> asked = new ArrayList<>();
        long latest;
        boolean down;

        @Override
        public Optional<CompletedKeyEpoch> latestCompleted() {
            up();
            return Optional.ofNullable(completed.get(latest));
        }

        @Override
        public Optional<CompletedKeyEpoch> completed(long keyEpoch) {
            up();
            asked.add(keyEpoch);
            return Optional.ofNullable(completed.get(keyEpoch));
        }

        private void up() {
            if (down) {
                throw new IllegalStateException("ledger not reachable");
            }
        }
    }

    private final ScriptedLedger ledger = new ScriptedLedger();
    private final KeyEpochVerificationKeys keys = new KeyEpochVerificationKeys(Fixtures.PARAMS, ledger);

    private ScriptedLedger completed(long keyEpoch, ThresholdKeys k) {
        ledger.completed.put(keyEpoch, Fixtures.completed(keyEpoch, k));
        ledger.latest = Math.max(ledger.latest, keyEpoch);
        return ledger;
    }

    private static void verify(PreparedVerificationKey key) throws CoconutException {
        Showing.verifyCredential(
                Fixtures.PARAMS, key, theta, Token.publicAttributes(10), Fixtures.PROVIDER, Fixtures.NONCE);
    }

    @Test
    void forKeyEpoch_credentialOfItsKeyEpoch_verifiesAndNotWithThePredecessorsKey() throws Exception {
        completed(1, EPOCH_1);
        completed(2, Fixtures.KEYS);

        assertDoesNotThrow(() -> verify(keys.forKeyEpoch(2)));
        assertThrows(CoconutException.class, () -> verify(keys.forKeyEpoch(1)));
    }

    @Test
    void forKeyEpoch_askedTwice_preparedOnceAndTheWindowFoundOnce() throws Exception {
        completed(1, EPOCH_1);
        completed(2, Fixtures.KEYS);

        PreparedVerificationKey first = keys.forKeyEpoch(1);
        PreparedVerificationKey again = keys.forKeyEpoch(1);

        assertSame(first, again);
        assertEquals(EPOCH_1.verificationKey(), first.key());
        assertEquals(List.of(1L, 1L), ledger.asked, "once for the window below 2, once for epoch 1's keys");
    }

    @Test
    void forKeyEpoch_afterARotation_predecessorStillAcceptedItsOwnPredecessorExpired() throws Exception {
        completed(1, EPOCH_1);
        completed(2, Fixtures.KEYS);
        PreparedVerificationKey before = keys.forKeyEpoch(2);

        completed(3, EPOCH_3);

        assertSame(before, keys.forKeyEpoch(2), "kept across the rotation");
        assertEquals(EPOCH_3.verificationKey(), keys.forKeyEpoch(3).key());
        PayloadException expired = assertThrows(PayloadException.class, () -> keys.forKeyEpoch(1));
        assertEquals(Kind.KEY_EPOCH_EXPIRED, expired.kind(), expired.getMessage());
    }

    @Test
    void forKeyEpoch_failedOrNotYetCompleted_unknown() throws Exception {
        completed(1, EPOCH_1);
        completed(3, EPOCH_3); // key epoch 2 failed

        assertEquals(
                Kind.KEY_EPOCH_UNKNOWN,
                assertThrows(PayloadException.class, () -> keys.forKeyEpoch(2)).kind());
        assertEquals(
                Kind.KEY_EPOCH_UNKNOWN,
                assertThrows(PayloadException.class, () -> keys.forKeyEpoch(4)).kind());
        assertEquals(EPOCH_1.verificationKey(), keys.forKeyEpoch(1).key(), "the completed one before the failure");
    }

    @Test
    void forKeyEpoch_noKeyEpochCompletedYet_unknown() {
        PayloadException e = assertThrows(PayloadException.class, () -> keys.forKeyEpoch(1));

        assertEquals(Kind.KEY_EPOCH_UNKNOWN, e.kind());
    }

    @Test
    void forKeyEpoch_ledgerAnswersAnotherKeyEpoch_malformed() {
        completed(1, EPOCH_1);
        completed(2, Fixtures.KEYS);
        ledger.completed.put(1L, Fixtures.completed(7, EPOCH_1));

        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> keys.forKeyEpoch(1)).kind());
    }

    @Test
    void forKeyEpoch_ledgerDown_itsExceptionPassesThrough() throws Exception {
        completed(1, Fixtures.KEYS);
        PreparedVerificationKey prepared = keys.forKeyEpoch(1);
        ledger.down = true;

        assertThrows(IllegalStateException.class, () -> keys.forKeyEpoch(1));
        ledger.down = false;
        assertSame(prepared, keys.forKeyEpoch(1));
        assertNotSame(prepared, new KeyEpochVerificationKeys(Fixtures.PARAMS, ledger).forKeyEpoch(1));
    }
}
