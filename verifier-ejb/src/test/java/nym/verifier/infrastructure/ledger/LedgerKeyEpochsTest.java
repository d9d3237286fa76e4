package nym.verifier.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nym.credential.CompletedKeyEpoch;
import nym.credential.PayloadException;
import nym.ledger.jca.QueryResult;
import nym.verifier.domain.Spender;
import org.junit.jupiter.api.Test;

class LedgerKeyEpochsTest {

    private static QueryResult answer(int code, String log, String json) {
        return new QueryResult(
                code, code == 0 ? "" : "nym", log, 7, new byte[0], json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_completedKeyEpoch_itsKeys() throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        String json = "{\"key_epoch\":2,\"phase\":\"completed\",\"threshold\":2,\"verification_key\":\""
                + b64.encodeToString(
                        Spender.DEALER.keys(Spender.KEY_EPOCH).verificationKey().toBytes())
                + "\",\"shares\":[{\"index\":1,"
                + "\"verification_key_share\":\""
                + b64.encodeToString(Spender.DEALER
                        .keys(Spender.KEY_EPOCH)
                        .issuer(1)
                        .verificationKeyShare()
                        .toBytes()) + "\"}]}";

        CompletedKeyEpoch read = LedgerKeyEpochs.read(answer(0, "", json)).orElseThrow();

        assertEquals(2, read.keyEpoch());
        assertEquals(Spender.DEALER.keys(Spender.KEY_EPOCH).verificationKey(), read.verificationKey());
    }

    @Test
    void read_noCompletedKeyEpochYet_empty() throws Exception {
        assertTrue(
                LedgerKeyEpochs.read(answer(31, "no completed key epoch", "")).isEmpty());
        assertTrue(LedgerKeyEpochs.read(answer(0, "", "")).isEmpty());
    }

    @Test
    void read_answerNotOfTheShape_payloadException() {
        assertThrows(PayloadException.class, () -> LedgerKeyEpochs.read(answer(0, "", "{\"key_epoch\":2}")));
    }
}
