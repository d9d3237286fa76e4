package nym.credential;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.testing.DealerCredentials;
import nym.credential.testing.DealerCredentials.Credential;
import nym.credential.testing.ScriptedKeyEpochs;
import org.junit.jupiter.api.Test;

/** The test-jar's fixture: what the provider's, verifiers', gateway's and client's tests rely on. */
class DealerCredentialsTest {

    private static final byte[] BINDING = "0x-the-verifier-20b!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE = new byte[32];
    private static final DealerCredentials DEALER = new DealerCredentials(5, 1, 2);

    @Test
    void show_credentialOfKeyEpoch2_verifiesUnderThatKeyEpochsGroupKeyForItsValueOnly() throws Exception {
        Credential c = DEALER.issue(2, 20);
        Theta theta = DEALER.show(c, BINDING, NONCE);

        assertEquals(2, c.keyEpoch());
        assertEquals(20, c.value());
        assertDoesNotThrow(() -> verify(theta, 2, 20));
        assertThrows(CoconutException.class, () -> verify(theta, 1, 20));
        assertThrows(CoconutException.class, () -> verify(theta, 2, 10));
    }

    /** Θ checked as a verifier does, under {@code keyEpoch}'s group key, for {@code value}, the binding and nonce. */
    private static void verify(Theta theta, long keyEpoch, int value) throws CoconutException {
        Showing.verifyCredential(
                DEALER.params,
                DEALER.keys(keyEpoch).verificationKey(),
                theta,
                Token.publicAttributes(value),
                BINDING,
                NONCE);
    }

    @Test
    void publish_everyDealtKeyEpochCompletesWithItsKeys_theHighestIsTheLatest() {
        ScriptedKeyEpochs ledger =
                DEALER.publish(new ScriptedKeyEpochs(() -> new IllegalStateException("scripted outage")));

        CompletedKeyEpoch latest = ledger.latestCompleted().orElseThrow();
        assertEquals(2, latest.keyEpoch());
        assertEquals(DealerCredentials.THRESHOLD, latest.threshold());
        assertEquals(DEALER.keys(2).verificationKey(), latest.verificationKey());
        assertEquals(
                DEALER.keys(1).verificationKey(),
                ledger.completed(1).orElseThrow().verificationKey());
        assertTrue(ledger.completed(3).isEmpty());
    }

    @Test
    void keys_sameSeedSameKeys_anotherSeedAnotherNetwork() {
        assertEquals(
                DEALER.keys(2).verificationKey(),
                new DealerCredentials(5, 1, 2).keys(2).verificationKey());
        assertNotEquals(
                DEALER.keys(2).verificationKey(),
                new DealerCredentials(6, 1, 2).keys(2).verificationKey());
        assertNotEquals(DEALER.keys(1).verificationKey(), DEALER.newKeys().verificationKey());
    }

    @Test
    void issue_keyEpochNotDealt_refusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEALER.issue(3, 10));

        assertEquals("no keys dealt for key epoch 3: [1, 2]", e.getMessage());
    }
}
