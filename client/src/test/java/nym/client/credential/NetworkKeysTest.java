package nym.client.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import nym.client.ClientException;
import nym.coconut.RandomSource;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.credential.rpc.LedgerRpc;
import nym.ledger.Hex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The keys a holder reads from a ledger stand-in answering abci_query like the ledger's RPC. */
class NetworkKeysTest {

    private static Parameters params;
    private static ThresholdKeys keys;

    /** "path data" → the query's JSON value; absent: a non-zero code, as the ledger answers "none". */
    private final Map<String, String> answers = new HashMap<>();

    private HttpServer server;

    @BeforeAll
    static void keys() throws Exception {
        params = Setup.setup(3);
        keys = KeyGen.ttpKeyGen(params, 2, 3, RandomSource.deterministic(3));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private LedgerRpc ledger() throws IOException {
        Base64.Encoder b64 = Base64.getEncoder();
        answers.put("/params ", "{\"coconut\":{\"params\":\"" + b64.encodeToString(params.toBytes()) + "\"}}");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonObject call;
            try (var reader = Json.createReader(
                    new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
                call = reader.readObject().getJsonObject("params");
            }
            String data = new String(Hex.parse(call.getString("data")), StandardCharsets.US_ASCII);
            String value = answers.get(call.getString("path") + " " + data);
            String response = value == null
                    ? "{\"code\":31,\"log\":\"no completed key epoch\"}"
                    : "{\"code\":0,\"value\":\"" + b64.encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\"}";
            byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"response\":" + response + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new LedgerRpc(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2));
    }

    private static String completed(long keyEpoch) {
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"key_epoch\":" + keyEpoch + ",\"phase\":\"completed\",\"threshold\":2,\"verification_key\":\""
                + b64.encodeToString(keys.verificationKey().toBytes()) + "\",\"shares\":[{\"index\":2,"
                + "\"verification_key_share\":\""
                + b64.encodeToString(keys.issuer(2).verificationKeyShare().toBytes())
                + "\"}]}";
    }

    @Test
    void fromLedger_completedKeyEpoch_itsKeysAndTheParameters() throws Exception {
        answers.put("/dkg/completed ", completed(4));

        NetworkKeys read = NetworkKeys.fromLedger(ledger());

        assertEquals(4, read.keyEpoch());
        assertEquals(2, read.threshold());
        assertEquals(params, read.params());
        assertEquals(keys.verificationKey(), read.aggregated());
        assertEquals(keys.issuer(2).verificationKeyShare(), read.share(2).orElseThrow());
    }

    @Test
    void fromLedger_noCompletedKeyEpochYet_clearMessageWithThePhase() throws Exception {
        answers.put("/dkg ", "{\"key_epoch\":1,\"phase\":\"complaints\",\"threshold\":2}");

        ClientException e = assertThrows(ClientException.class, () -> NetworkKeys.fromLedger(ledger()));

        assertEquals(ClientException.Kind.LEDGER, e.kind());
        assertEquals(
                "the authorities have not finished key generation yet (key epoch 1, phase complaints)", e.getMessage());
    }

    @Test
    void fromLedger_askedKeyEpoch_thatOneOrAClearRefusal() throws Exception {
        answers.put("/dkg/completed 3", completed(3));
        LedgerRpc ledger = ledger();

        assertEquals(3, NetworkKeys.fromLedger(ledger, 3).keyEpoch());
        ClientException e = assertThrows(ClientException.class, () -> NetworkKeys.fromLedger(ledger, 2));
        assertEquals("key epoch 2 has not completed on this ledger: no keys for it", e.getMessage());
    }

    @Test
    void fromLedger_noNodeAnswers_ledgerErrorOfTheClient() throws Exception {
        LedgerRpc down;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            down = new LedgerRpc(URI.create("http://127.0.0.1:" + closed.getLocalPort()), Duration.ofSeconds(2));
        }

        ClientException e = assertThrows(ClientException.class, () -> NetworkKeys.fromLedger(down));

        assertEquals(ClientException.Kind.LEDGER, e.kind());
        assertTrue(e.getMessage().startsWith("no ledger node answered abci_query"), e.getMessage());
    }
}
