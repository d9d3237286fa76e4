package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import nym.credential.CompletedKeyEpoch;
import nym.credential.NetworkTree;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The issuers on the deployment group (authority i = instance i) against 4 CometBFT validators: a credential request the ledger
 * recorded gets a valid partial credential from every issuer, fetched over HTTP; a request whose proof does not
 * match the debited value gets none (422 everywhere); a request the ledger refused (no balance to debit) gets none.
 */
@Tag("group")
class IssuanceIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The authorities' first DKG: dealing and complaint blocks after the group started dealing. */
    private static final Duration DKG_WAIT = Duration.ofSeconds(180);

    private static AuthorityGroup group;
    private static NetworkTree tree;
    /** The latest completed key epoch when the tests start: every request here is signed in it. */
    private static CompletedKeyEpoch keys;

    private static TxBuilder tx;
    private static Secp256k1.KeyPair client;

    @BeforeAll
    static void deploy() throws Exception {
        group = AuthorityGroup.shared();
        tree = new NetworkTree(group.tree);
        tx = new TxBuilder(group.chainId());
        client = group.key("clients/client-1/account.key");
        keys = group.awaitCompletedKeyEpoch(DKG_WAIT);
    }

    private static CredentialHolder holder(int value) throws Exception {
        return new CredentialHolder(tree.parameters(), keys, value);
    }

    private static String request(Secp256k1.KeyPair from, long value, byte[] payload) throws Exception {
        return group.commit(tx.credentialRequest(from, group.ledger.nonce(from.address()), value, payload));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return LedgerChain.JSON.readTree(r.body());
    }

    @Test
    void verificationKey_everyInstance_itsAuthoritysShareAndTheGroupKeyAsTheLedgerListsThem() throws Exception {
        for (int i : AuthorityGroup.authorities()) {
            HttpResponse<String> r = Http.get(AuthorityGroup.issuer(i), "verification-key");

            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = json(r);
            assertEquals(i, body.get("authority").asInt());
            assertEquals(keys.keyEpoch(), body.get("key_epoch").asLong(), body.toString());
            assertEquals(
                    keys.share(i).orElseThrow().toText(),
                    body.get("verificationKeyShare").asText());
            assertEquals(
                    keys.verificationKey().toText(), body.get("verificationKey").asText());
            assertEquals(tree.parameters().toText(), body.get("parameters").asText());
        }
    }

    @Test
    void credentialRequest_recordedByTheLedger_everyIssuerServesAValidShare() throws Exception {
        CredentialHolder holder = holder(10);

        String requestId = request(client, 10, holder.payload.toBytes());

        for (int i : AuthorityGroup.authorities()) {
            HttpResponse<String> r = AuthorityGroup.awaitPartial(i, requestId, WAIT);
            assertEquals(200, r.statusCode(), "authority " + i + ": " + r.body());
            JsonNode partial = json(r);
            assertEquals(requestId, partial.get("requestId").asText());
            assertEquals(i, partial.get("authority").asInt());
            assertEquals(10, partial.get("value").asLong());
            assertEquals(keys.keyEpoch(), partial.get("key_epoch").asLong(), partial.toString());
            holder.addShare(partial); // throws unless σ_i verifies under the ledger's vk_i of the key epoch
        }
        holder.credential(); // t of them aggregate to a credential valid under the key epoch's group key
        HttpResponse<String> again =
                Http.get(AuthorityGroup.issuer(1), "partial-credentials/" + requestId.toLowerCase());
        assertEquals(200, again.statusCode(), "ids are case-insensitive");
    }

    @Test
    void credentialRequest_proofForAnotherValue_refusedByEveryIssuer() throws Exception {
        CredentialHolder holder = holder(10);

        String requestId = request(client, 5, holder.payload.toBytes()); // the ledger debits 5, the holder asked 10

        for (int i : AuthorityGroup.authorities()) {
            HttpResponse<String> r = AuthorityGroup.awaitPartial(i, requestId, WAIT);
            assertEquals(422, r.statusCode(), "authority " + i + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(json(r).get("detail").asText().contains("INVALID_PROOF"), r.body());
        }
    }

    @Test
    void credentialRequest_refusedByTheLedger_noIssuerSigns() throws Exception {
        // a key of its own: the tree's accounts may have earned something from the classes before
        Secp256k1.KeyPair unfunded = Secp256k1.KeyPair.fromSeed("issuance-it-unfunded-" + System.nanoTime());
        byte[] refused = tx.credentialRequest(
                unfunded,
                group.ledger.nonce(unfunded.address()),
                10,
                holder(10).payload.toBytes());
        try {
            group.ledger.commit(refused);
            throw new AssertionError("the ledger debited an account without balance");
        } catch (java.io.IOException expected) {
            assertTrue(expected.getMessage().contains("refused"), expected.getMessage());
        }
        // A later request is served by every issuer: events arrive in chain order, so the refused one had its chance.
        String later = request(client, 1, holder(1).payload.toBytes());
        for (int i : AuthorityGroup.authorities()) {
            assertEquals(200, AuthorityGroup.awaitPartial(i, later, WAIT).statusCode());
        }

        for (int i : AuthorityGroup.authorities()) {
            HttpResponse<String> r =
                    Http.get(AuthorityGroup.issuer(i), "partial-credentials/" + AuthorityGroup.hash(refused));
            assertEquals(404, r.statusCode(), "authority " + i + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
    }

    @Test
    void partialCredential_malformedId_problem400() throws Exception {
        HttpResponse<String> r = Http.get(AuthorityGroup.issuer(2), "partial-credentials/not-a-hash");

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void health_everyInstance_issuerActive() throws Exception {
        for (int i : AuthorityGroup.authorities()) {
            String body = Http.get(TestEnvironment.instance(i), "/health/ready").body();

            assertTrue(body.contains("\"name\":\"issuer\",\"status\":\"UP\""), body);
            assertTrue(body.contains("\"role\":\"active\""), body);
        }
    }

    @Test
    void openapi_documentsTheIssuerEndpoints() throws Exception {
        String doc = Http.get(TestEnvironment.instance(1), "/openapi").body();

        assertTrue(doc.contains("/issuer/api/partial-credentials/{requestId}"), doc);
        assertTrue(doc.contains("/issuer/api/verification-key"), doc);
    }
}
