package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import nym.credential.DepositPayload;
import nym.credential.NetworkTree;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The verifiers on the deployment group against 4 CometBFT validators: a credential issued by the group is spent at provider 1;
 * deposits with a tampered proof, an inflated value, or made by provider 2 with a credential bound to provider 1
 * are rejected by the verifiers' votes (and ζ is free again each time); the honest deposit is accepted by at least
 * t = 2 verifiers, the provider is credited, and a second deposit of the same ζ is refused by the ledger.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("group")
class VerificationIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The authorities' first DKG: dealing and complaint blocks after the group started dealing. */
    private static final Duration DKG_WAIT = Duration.ofSeconds(180);

    private static AuthorityGroup group;
    private static TxBuilder tx;
    private static Secp256k1.KeyPair provider;
    private static Secp256k1.KeyPair otherProvider;
    private static CredentialHolder holder;

    @BeforeAll
    static void deployAndIssue() throws Exception {
        group = AuthorityGroup.shared();
        tx = new TxBuilder(group.chainId());
        provider = group.key("providers/provider-1/provider.key");
        otherProvider = group.key("providers/provider-2/provider.key");
        Secp256k1.KeyPair client = group.key("clients/client-1/account.key");
        holder = new CredentialHolder(
                new NetworkTree(group.tree).parameters(), group.awaitCompletedKeyEpoch(DKG_WAIT), 10);
        String requestId = group.commit(
                tx.credentialRequest(client, group.ledger.nonce(client.address()), 10, holder.payload.toBytes()));
        for (int i : AuthorityGroup.authorities()) {
            HttpResponse<String> r = AuthorityGroup.awaitPartial(i, requestId, WAIT);
            assertEquals(200, r.statusCode(), r.body());
            holder.addShare(LedgerChain.JSON.readTree(r.body()));
        }
    }

    private static String deposit(Secp256k1.KeyPair by, long value, byte[] zeta, byte[] credential) throws Exception {
        return group.commit(tx.credentialDeposit(by, group.ledger.nonce(by.address()), zeta, value, credential));
    }

    private static DepositPayload spendAtProvider() throws Exception {
        return holder.spend(provider.address(), CredentialHolder.nonce());
    }

    private static void assertRejected(String depositId) throws Exception {
        JsonNode d = group.awaitSettled(depositId, WAIT);
        assertEquals("rejected", d.get("status").asText(), d.toString());
        assertTrue(d.get("rejects").asInt() >= 2, d.toString());
        assertEquals(0, d.get("accepts").asInt(), d.toString());
    }

    @Test
    @Order(1)
    void deposit_tamperedProof_rejectedByVerifiers() throws Exception {
        DepositPayload honest = spendAtProvider();
        byte[] tampered = honest.toBytes();
        tampered[tampered.length - 1] ^= 0x01; // the last response of π_v

        assertRejected(deposit(provider, 10, honest.zeta(), tampered));
    }

    @Test
    @Order(2)
    void deposit_valueAboveTheCredentials_rejectedByVerifiers() throws Exception {
        DepositPayload honest = spendAtProvider();

        assertRejected(deposit(provider, 20, honest.zeta(), honest.toBytes()));
    }

    @Test
    @Order(3)
    void deposit_byAnotherProviderThanTheOneShownTo_rejectedByVerifiers() throws Exception {
        DepositPayload boundToProvider1 = spendAtProvider();

        assertRejected(deposit(otherProvider, 10, boundToProvider1.zeta(), boundToProvider1.toBytes()));
    }

    @Test
    @Order(4)
    void deposit_honestSpend_acceptedProviderCreditedAndSecondSpendRefused() throws Exception {
        long before = balance(provider.address());
        DepositPayload spend = spendAtProvider();

        String depositId = deposit(provider, 10, spend.zeta(), spend.toBytes());

        JsonNode d = group.awaitSettled(depositId, WAIT);
        assertEquals("accepted", d.get("status").asText(), d.toString());
        assertTrue(d.get("accepts").asInt() >= 2, d.toString());
        assertEquals(0, d.get("rejects").asInt(), d.toString());
        assertEquals(before + 10, balance(provider.address()));
        DepositPayload again = spendAtProvider();
        assertThrows(IOException.class, () -> deposit(provider, 10, again.zeta(), again.toBytes()));
    }

    private static long balance(byte[] address) throws Exception {
        JsonNode r = group.ledger.call(
                "abci_query",
                LedgerChain.JSON
                        .createObjectNode()
                        .put("path", "/balance")
                        .put("data", java.util.HexFormat.of().formatHex(address)));
        String value = r.path("response").path("value").asText("");
        return value.isEmpty()
                ? 0
                : LedgerChain.JSON
                        .readTree(java.util.Base64.getDecoder().decode(value))
                        .path("balance")
                        .asLong();
    }
}
