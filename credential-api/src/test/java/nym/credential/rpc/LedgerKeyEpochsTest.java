package nym.credential.rpc;

import static nym.credential.rpc.StubLedgerNode.queryRefused;
import static nym.credential.rpc.StubLedgerNode.queryValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.CompletedKeyEpoch;
import nym.credential.Fixtures;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.PayloadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LedgerKeyEpochs}: {@code /dkg/completed} over {@link LedgerRpc}, against a stub node playing the ledger. */
class LedgerKeyEpochsTest {

    /** Key epochs that completed on the stub ledger, with their keys; the highest is the latest. */
    private final Map<Long, ThresholdKeys> completed = new ConcurrentHashMap<>();

    private StubLedgerNode node;
    private LedgerKeyEpochs keyEpochs;

    @BeforeEach
    void start() throws Exception {
        node = StubLedgerNode.start().reply("abci_query", this::dkgCompleted);
        keyEpochs = new LedgerKeyEpochs(new LedgerRpc(node.uri(), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** The ledger's /dkg/completed: data = a key epoch in ASCII decimal, or empty for the latest. */
    private StubLedgerNode.Reply dkgCompleted(JsonObject params) {
        assertEquals("/dkg/completed", params.getString("path"));
        String asked = new String(HexFormat.of().parseHex(params.getString("data")), StandardCharsets.US_ASCII);
        long keyEpoch = asked.isEmpty()
                ? completed.keySet().stream().mapToLong(Long::longValue).max().orElse(0)
                : Long.parseLong(asked);
        ThresholdKeys keys = completed.get(keyEpoch);
        return keys == null
                ? queryRefused(31, "NO_ISSUING_KEY: no completed key epoch " + asked)
                : queryValue(Fixtures.completedJson(keyEpoch, keys));
    }

    @Test
    void latestCompleted_theLedgersLatestAskedWithEmptyData() throws Exception {
        completed.put(1L, Fixtures.otherKeys());
        completed.put(2L, Fixtures.KEYS);

        CompletedKeyEpoch latest = keyEpochs.latestCompleted().orElseThrow();

        assertEquals(2, latest.keyEpoch());
        assertEquals(2, latest.threshold());
        assertArrayEquals(
                Fixtures.KEYS.verificationKey().toBytes(),
                latest.verificationKey().toBytes());
        assertEquals("", node.calls("abci_query").get(0).getString("data"));
    }

    @Test
    void latestCompleted_noneYet_empty() throws Exception {
        assertEquals(Optional.empty(), keyEpochs.latestCompleted());
    }

    @Test
    void completed_askedAsAsciiDecimal_thatKeyEpoch() throws Exception {
        completed.put(12L, Fixtures.KEYS);

        assertEquals(12, keyEpochs.completed(12).orElseThrow().keyEpoch());
        assertEquals("3132", node.calls("abci_query").get(0).getString("data"), "hex of \"12\"");
    }

    @Test
    void completed_notCompleted_empty() throws Exception {
        completed.put(2L, Fixtures.KEYS);

        assertEquals(Optional.empty(), keyEpochs.completed(3));
    }

    @Test
    void completed_ledgerAnswersAnotherKeyEpoch_empty() throws Exception {
        StubLedgerNode other =
                StubLedgerNode.start().reply("abci_query", p -> queryValue(Fixtures.completedJson(2, Fixtures.KEYS)));
        try (other) {
            LedgerKeyEpochs confused = new LedgerKeyEpochs(new LedgerRpc(other.uri(), Duration.ofSeconds(5)));

            assertEquals(Optional.empty(), confused.completed(3));
        }
    }

    @Test
    void completed_answerNotACompletedKeyEpoch_payloadException() throws Exception {
        StubLedgerNode dealing = StubLedgerNode.start()
                .reply("abci_query", p -> queryValue("{\"key_epoch\":3,\"phase\":\"dealing\",\"threshold\":2}"));
        try (dealing) {
            LedgerKeyEpochs keys = new LedgerKeyEpochs(new LedgerRpc(dealing.uri(), Duration.ofSeconds(5)));

            PayloadException e = assertThrows(PayloadException.class, () -> keys.completed(3));

            assertEquals(PayloadException.Kind.MALFORMED, e.kind());
        }
    }

    @Test
    void ledgerDown_ledgerRpcExceptionPassesThroughTheKeyCache() throws Exception {
        LedgerKeyEpochs down = new LedgerKeyEpochs(new LedgerRpc(StubLedgerNode.deadNode(), Duration.ofSeconds(5)));
        KeyEpochVerificationKeys keys = new KeyEpochVerificationKeys(Fixtures.PARAMS, down);

        LedgerRpcException e = assertThrows(LedgerRpcException.class, () -> keys.forKeyEpoch(1));

        assertTrue(e.getMessage().contains("no ledger node answered"), e.getMessage());
    }

    @Test
    void keyCacheOverRpc_credentialVerifiesUnderItsKeyEpochOnly() throws Exception {
        completed.put(1L, Fixtures.otherKeys());
        completed.put(2L, Fixtures.KEYS);
        KeyEpochVerificationKeys keys = new KeyEpochVerificationKeys(Fixtures.PARAMS, keyEpochs);
        Theta theta = Fixtures.theta();

        assertDoesNotThrow(() -> verify(keys.forKeyEpoch(2), theta));
        assertThrows(CoconutException.class, () -> verify(keys.forKeyEpoch(1), theta), "the predecessor's key");
        assertEquals(
                PayloadException.Kind.KEY_EPOCH_UNKNOWN,
                assertThrows(PayloadException.class, () -> keys.forKeyEpoch(3)).kind());
    }

    private static void verify(PreparedVerificationKey key, Theta theta) throws CoconutException {
        Showing.verifyCredential(
                Fixtures.PARAMS, key, theta, Token.publicAttributes(10), Fixtures.PROVIDER, Fixtures.NONCE);
    }
}
