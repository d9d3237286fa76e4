package nym.ledger.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nym.ledger.Hex;
import nym.ledger.LedgerException.Kind;
import nym.ledger.TestNet;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's half of the credential flow of DESIGN.md §4 as the authorities and clients drive it through a real
 * CometBFT node's RPC and websocket, the node driving {@code ledger-app abci} over its socket.
 */
class CredentialFlowChainTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TxBuilder TX = new TxBuilder(Chains.CHAIN_ID);

    private static JsonNode query(CometRpc rpc, String path, String hex) {
        ObjectNode q = CometRpc.params();
        q.put("path", path);
        q.put("data", hex);
        JsonNode v = rpc.result("abci_query", q).get("response").get("value");
        try {
            return JSON.readTree(Base64.getDecoder().decode(v.asText()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode tx(byte[] tx) {
        ObjectNode p = CometRpc.params();
        p.put("tx", Base64.getEncoder().encodeToString(tx));
        return p;
    }

    private static JsonNode commit(CometRpc rpc, byte[] tx) {
        return rpc.result("broadcast_tx_commit", tx(tx));
    }

    private static String attr(JsonNode event, String type, String key) {
        JsonNode values = event.get("result").get("events").get(type + "." + key);
        assertNotNull(values, type + "." + key + " missing in " + event);
        return values.get(0).asText();
    }

    @Test
    void pipeDeposit_credentialRequest_redeem_doubleSpendRefused(@TempDir Path dir) throws Exception {
        try (LocalChain chain = Chains.started(dir, 1)) {
            CometRpc rpc = chain.rpc(0);
            LinkedBlockingQueue<JsonNode> issuerInbox = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<JsonNode> verifierInbox = new LinkedBlockingQueue<>();
            WebSocket issuerWs = subscribe(chain, "tm.event='Tx' AND credential_request.value EXISTS", issuerInbox);
            WebSocket verifierWs = subscribe(chain, "tm.event='Tx' AND redeem.deposit_id EXISTS", verifierInbox);

            KeyPair client = KeyPair.fromSeed("flow-client");
            KeyPair provider = KeyPair.fromSeed("provider-1");
            KeyPair[] watchers = {
                KeyPair.fromSeed("watcher-1"), KeyPair.fromSeed("watcher-2"), KeyPair.fromSeed("watcher-3")
            };
            KeyPair[] verifiers = {KeyPair.fromSeed("verifier-1"), KeyPair.fromSeed("verifier-2")};

            // 0: the issuers' key epoch completes (until then credential requests are refused)
            DevKeyEpoch.complete(rpc, java.time.Duration.ofSeconds(90));

            // 1-2: the client's ERC20 transfer, seen by the watchers; credited once at t = 2
            byte[] eth = Secp256k1.keccak256("erc20-transfer-1".getBytes(StandardCharsets.UTF_8));
            assertEquals(
                    0,
                    commit(rpc, TX.pipeTransfer(watchers[0], 0, eth, client.address(), 100))
                            .get("tx_result")
                            .get("code")
                            .asInt());
            assertEquals(
                    "0",
                    query(rpc, "/balance", Hex.lower(client.address()))
                            .get("balance")
                            .asText());
            JsonNode credited = commit(rpc, TX.pipeTransfer(watchers[1], 0, eth, client.address(), 100));
            assertTrue(credited.get("tx_result").get("events").toString().contains("pipe_transfer_credited"));
            JsonNode late =
                    rpc.result("broadcast_tx_sync", tx(TX.pipeTransfer(watchers[2], 0, eth, client.address(), 100)));
            assertEquals(Kind.ALREADY_SETTLED.code(), late.get("code").asInt());
            assertEquals(
                    "100",
                    query(rpc, "/balance", Hex.lower(client.address()))
                            .get("balance")
                            .asText());

            // 3-4: credential request; the issuers' subscription carries the blind-sign request
            byte[] blind = "blind-sign-request: commitments and proofs".getBytes(StandardCharsets.UTF_8);
            byte[] request = TX.credentialRequest(client, 0, 50, blind);
            assertEquals(0, commit(rpc, request).get("tx_result").get("code").asInt());
            JsonNode issued = issuerInbox.poll(10, TimeUnit.SECONDS);
            assertNotNull(issued, "issuers got no credential_request event");
            assertEquals(Hex.upper(Transaction.sha256(request)), attr(issued, "credential_request", "request_id"));
            assertEquals("50", attr(issued, "credential_request", "value"));
            assertEquals("1", attr(issued, "credential_request", "key_epoch"));
            assertEquals(
                    Base64.getEncoder().encodeToString(blind),
                    attr(issued, "credential_request", "blind_sign_request"));
            assertEquals(
                    "50",
                    query(rpc, "/balance", Hex.lower(client.address()))
                            .get("balance")
                            .asText());

            // 7-8: the provider deposits ζ; verifiers see the redeem event and vote; settled at t = 2
            byte[] zeta = TestNet.zeta(42);
            assertEquals(
                    "unspent",
                    query(rpc, "/zeta", Hex.lower(zeta)).get("status").asText());
            byte[] deposit = TX.credentialDeposit(provider, 0, zeta, 50, "proof".getBytes(StandardCharsets.UTF_8));
            assertEquals(0, commit(rpc, deposit).get("tx_result").get("code").asInt());
            JsonNode redeem = verifierInbox.poll(10, TimeUnit.SECONDS);
            assertNotNull(redeem, "verifiers got no redeem event");
            String depositId = attr(redeem, "redeem", "deposit_id");
            assertEquals(Hex.lower(zeta), attr(redeem, "redeem", "zeta"));
            assertEquals(
                    "pending",
                    query(rpc, "/zeta", Hex.lower(zeta)).get("status").asText());
            for (KeyPair v : verifiers) {
                assertEquals(
                        0,
                        commit(rpc, TX.verificationVote(v, 0, Hex.parse(depositId), true))
                                .get("tx_result")
                                .get("code")
                                .asInt());
            }
            assertEquals(
                    "50",
                    query(rpc, "/balance", Hex.lower(provider.address()))
                            .get("balance")
                            .asText());
            assertEquals(
                    "spent", query(rpc, "/zeta", Hex.lower(zeta)).get("status").asText());
            assertEquals(
                    "accepted", query(rpc, "/deposit", depositId).get("status").asText());

            // a second spend of ζ is refused, at CheckTx already
            JsonNode again =
                    rpc.result("broadcast_tx_sync", tx(TX.credentialDeposit(provider, 1, zeta, 50, new byte[] {1})));
            assertEquals(Kind.DOUBLE_SPEND.code(), again.get("code").asInt());
            assertTrue(again.get("log").asText().contains("already spent"));

            issuerWs.abort();
            verifierWs.abort();
        }
    }

    private static WebSocket subscribe(LocalChain chain, String query, LinkedBlockingQueue<JsonNode> inbox)
            throws Exception {
        LinkedBlockingQueue<JsonNode> all = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                        URI.create("ws://" + chain.rpcUri(0).getAuthority() + "/websocket"), new WebSocket.Listener() {
                            private final StringBuilder partial = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    try {
                                        JsonNode n = JSON.readTree(partial.toString());
                                        (n.get("result") != null
                                                                && n.get("result")
                                                                        .has("data")
                                                        ? inbox
                                                        : all)
                                                .add(n);
                                    } catch (java.io.IOException e) {
                                        throw new AssertionError(e);
                                    }
                                    partial.setLength(0);
                                }
                                w.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        ws.sendText(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"subscribe\",\"params\":{\"query\":\"" + query
                                + "\"}}",
                        true)
                .get(5, TimeUnit.SECONDS);
        JsonNode ack = all.poll(10, TimeUnit.SECONDS);
        assertNotNull(ack);
        assertTrue(ack.get("result").isObject(), ack.toString());
        return ws;
    }
}
