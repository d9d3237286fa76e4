package nym.ledger.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DkgResult;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole DKG on a real CometBFT node through its RPC: the development issuers deal ({@link DevKeyEpoch}), the
 * phases move block by block, and {@code /dkg/completed} then holds the keys that combining the dealings on the
 * chain gives; credential requests are refused before and name the key epoch after.
 */
class KeyEpochChainTest {
    private static final TxBuilder TX = new TxBuilder(Chains.CHAIN_ID);

    private static ObjectNode tx(byte[] tx) {
        ObjectNode p = CometRpc.params();
        p.put("tx", Base64.getEncoder().encodeToString(tx));
        return p;
    }

    @Test
    void devIssuersDeal_keyEpochCompletesWithTheChainsDealings(@TempDir Path dir) throws Exception {
        try (LocalChain chain = Chains.started(dir, 1)) {
            CometRpc rpc = chain.rpc(0);
            var client = GenesisDoc.devAccount(0);
            JsonNode early = rpc.result("broadcast_tx_sync", tx(TX.credentialRequest(client, 0, 10, new byte[] {1})));
            assertEquals(Kind.NO_ISSUING_KEY.code(), early.get("code").asInt(), early.toString());

            JsonNode completed = DevKeyEpoch.complete(rpc, Duration.ofSeconds(90));

            assertEquals(1, completed.get("key_epoch").asLong());
            assertEquals("completed", completed.get("phase").asText());
            assertEquals(List.of(1, 2, 3), ints(completed.get("qualified")));
            assertEquals(completed, rpc.query("/dkg/completed", hex("1")));
            SortedMap<Integer, Dealing> dealings = new TreeMap<>();
            for (JsonNode d : rpc.query("/dkg/dealings", hex("1")).get("dealings")) {
                dealings.put(
                        d.get("dealer_index").asInt(),
                        Dealing.fromBytes(
                                Base64.getDecoder().decode(d.get("dealing").asText()),
                                GenesisDoc.devCoconutParams(),
                                2,
                                3));
            }
            DkgResult expected = DkgResult.combine(dealings);
            assertEquals(
                    Base64.getEncoder()
                            .encodeToString(expected.verificationKey().toBytes()),
                    completed.get("verification_key").asText());
            assertEquals(
                    Base64.getEncoder().encodeToString(expected.share(3).toBytes()),
                    completed.get("shares").get(2).get("verification_key_share").asText());

            JsonNode request =
                    rpc.result("broadcast_tx_commit", tx(TX.credentialRequest(client, 0, 10, new byte[] {1})));
            assertEquals(0, request.get("tx_result").get("code").asInt(), request.toString());
            assertTrue(
                    request.get("tx_result").get("events").toString().contains("\"key\":\"key_epoch\",\"value\":\"1\""),
                    request.toString());
        }
    }

    /** CometRpc sends query data as hex: the key epoch's ASCII decimal, hex-encoded. */
    private static String hex(String ascii) {
        return nym.ledger.Hex.lower(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
