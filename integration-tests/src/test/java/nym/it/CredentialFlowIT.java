package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nym.client.credential.CredentialFlow;
import nym.client.credential.ProviderClient;
import nym.client.credential.StoredCredential;
import nym.coconut.verification.Theta;
import nym.credential.DepositPayload;
import nym.credential.rpc.LedgerRpc;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The credential flow end to end (DESIGN.md section 4) as nymclient runs it (the client library of
 * {@code nym.client.credential}), against the EAR on the 3-instance deployment group with PostgreSQL, anvil with the
 * NYM token and 4 CometBFT validators of the test network tree's genesis: ERC20 transfer to the pipe, the watchers' credit, the
 * request, t partials, the spend at a provider of {@code provider-war}, the verifiers' settlement. Then double spends
 * (same provider, another provider, both at once), credentials the provider must refuse (and the verifiers reject when
 * deposited directly), a request the ledger did not debit, and the whole flow with one instance stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("group")
class CredentialFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** The authorities' first DKG: dealing and complaint blocks after the group started dealing. */
    private static final Duration DKG_WAIT = Duration.ofSeconds(180);

    private static final int VALUE = 10;

    private static LocalEthereum ethereum;
    private static AuthorityGroup group;
    private static LedgerRpc ledger;
    private static Path wallets;
    /** The credential of the first flow, spent and settled: the double-spend tests spend it again. */
    private static StoredCredential settled;

    @BeforeAll
    static void deploy() throws Exception {
        group = AuthorityGroup.shared();
        ethereum = group.ethereum;
        ledger = new LedgerRpc(group.ledger.rpc(), Duration.ofSeconds(30));
        wallets = Files.createTempDirectory("nym-it-wallets");
        group.awaitCompletedKeyEpoch(DKG_WAIT); // before the first credential: the issuers have no key until then
    }

    /** A holder: client k of the tree, spending at provider p served by instance i, with or without Ethereum. */
    private static CredentialFlow holder(int client, int provider, int instance, boolean withEthereum)
            throws Exception {
        return group.holder(client, VALUE, providerUrl(provider, instance), withEthereum, wallets, WAIT);
    }

    private static URI providerUrl(int provider, int instance) {
        return TestEnvironment.instance(instance).resolve("/provider/api/providers/" + provider);
    }

    private static ProviderClient provider(int provider, int instance) {
        return new ProviderClient(providerUrl(provider, instance), Duration.ofSeconds(60));
    }

    private static long balance(Secp256k1.KeyPair account) {
        return ledger.account(account.address()).balance();
    }

    /**
     * ζ's status on validator 1 once it is {@code expected}, or the last one seen after 10 s: the provider saw the
     * settlement on another validator, which may be a block ahead of validator 1.
     */
    private static String zetaStatus(String zetaHex, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String status;
        do {
            status = ledger.query("/zeta", HexFormat.of().parseHex(zetaHex))
                    .map(o -> o.getString("status"))
                    .orElse("none");
            if (status.equals(expected)) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }

    /** The whole flow with a credential the issuers signed; returns it spent at the provider and settled. */
    private static StoredCredential fullFlow(CredentialFlow flow, ProviderClient at) {
        StoredCredential requested = flow.request(VALUE);
        StoredCredential signed = flow.collect(requested, note -> {});
        ProviderClient.SpendAnswer answer = flow.spend(signed, at);
        assertTrue(answer.accepted(), answer.reason() + ": " + answer.detail());
        StoredCredential spent = signed.withSpend(answer.zeta(), at.url().toString(), answer.depositId());
        assertEquals("accepted", flow.waitForSettlement(spent, at).status());
        return spent;
    }

    @Test
    @Order(1)
    void flow_fromErc20TransferToSettlement_acceptedAndProviderCreditedOnce() throws Exception {
        Secp256k1.KeyPair providerAccount = group.key("providers/provider-1/provider.key");
        long providerBefore = balance(providerAccount);
        try (CredentialFlow flow = holder(1, 1, 1, true)) {
            BigInteger erc20 = flow.erc20Balance();
            assertTrue(erc20.compareTo(BigInteger.valueOf(VALUE)) >= 0, "ERC20 balance " + erc20);
            long ledgerBefore = flow.ledgerBalance();

            var transfer = flow.transferToPipe(VALUE);
            assertEquals(ledgerBefore + VALUE, flow.waitForCredit(transfer.depositId()));
            assertEquals(erc20.subtract(BigInteger.valueOf(VALUE)), flow.erc20Balance());

            settled = fullFlow(flow, provider(1, 1));
            assertEquals(ledgerBefore, flow.ledgerBalance(), "credited VALUE, then debited VALUE by the request");
        }
        assertEquals("spent", zetaStatus(settled.zeta(), "spent"));
        assertEquals(providerBefore + VALUE, balance(providerAccount));
    }

    @Test
    @Order(2)
    void spendAgain_sameProviderAndAnotherProvider_refusedAndNotSettledAgain() throws Exception {
        Secp256k1.KeyPair p1 = group.key("providers/provider-1/provider.key");
        Secp256k1.KeyPair p2 = group.key("providers/provider-2/provider.key");
        long before1 = balance(p1);
        long before2 = balance(p2);
        try (CredentialFlow flow = holder(1, 1, 1, false)) {
            ProviderClient.SpendAnswer same = flow.spend(settled, provider(1, 2)); // provider 1, through instance 2
            assertFalse(same.accepted());
            assertEquals("DOUBLE_SPEND", same.reason(), same.detail());
            ProviderClient.SpendAnswer other = flow.spend(settled, provider(2, 3));
            assertFalse(other.accepted());
            assertEquals("DOUBLE_SPEND", other.reason(), other.detail());
        }
        assertEquals(before1, balance(p1));
        assertEquals(before2, balance(p2));
    }

    @Test
    @Order(3)
    void spendAtTwoProvidersAtOnce_oneAcceptedAndSettledOnce() throws Exception {
        Secp256k1.KeyPair p1 = group.key("providers/provider-1/provider.key");
        Secp256k1.KeyPair p2 = group.key("providers/provider-2/provider.key");
        long before = balance(p1) + balance(p2);
        try (CredentialFlow flow = holder(2, 1, 1, false)) {
            StoredCredential c = flow.collect(flow.request(VALUE), note -> {});
            ProviderClient at1 = provider(1, 1);
            ProviderClient at2 = provider(2, 2);
            ProviderClient.Challenge ch1 = at1.challenge();
            ProviderClient.Challenge ch2 = at2.challenge();
            Theta t1 = flow.prove(c, ch1);
            Theta t2 = flow.prove(c, ch2);

            CompletableFuture<ProviderClient.SpendAnswer> a1 =
                    CompletableFuture.supplyAsync(() -> at1.spend(c.keyEpoch(), t1, VALUE, ch1.binding(), ch1.nonce()));
            CompletableFuture<ProviderClient.SpendAnswer> a2 =
                    CompletableFuture.supplyAsync(() -> at2.spend(c.keyEpoch(), t2, VALUE, ch2.binding(), ch2.nonce()));
            List<ProviderClient.SpendAnswer> answers = List.of(a1.get(), a2.get());

            List<ProviderClient.SpendAnswer> accepted = answers.stream()
                    .filter(ProviderClient.SpendAnswer::accepted)
                    .toList();
            assertEquals(1, accepted.size(), answers.toString());
            ProviderClient.SpendAnswer refused =
                    answers.stream().filter(a -> !a.accepted()).findFirst().orElseThrow();
            assertEquals("DOUBLE_SPEND", refused.reason(), refused.detail());
            assertSettled(accepted.get(0).depositId(), "accepted");
        }
        assertEquals(before + VALUE, balance(p1) + balance(p2), "exactly one provider credited, once");
    }

    @Test
    @Order(4)
    void badCredentials_refusedByTheProviderAndRejectedByTheVerifiersWhenDeposited() throws Exception {
        Secp256k1.KeyPair p1 = group.key("providers/provider-1/provider.key");
        TxBuilder tx = new TxBuilder(group.chainId());
        try (CredentialFlow flow = holder(2, 1, 1, false)) {
            StoredCredential c = flow.collect(flow.request(VALUE), note -> {});
            ProviderClient at1 = provider(1, 1);
            ProviderClient at2 = provider(2, 1);

            ProviderClient.Challenge ch = at1.challenge();
            Theta honest = flow.prove(c, ch);
            Theta tampered = CredentialHolder.swapResponses(honest);
            assertRefused(at1.spend(c.keyEpoch(), tampered, VALUE, ch.binding(), ch.nonce()), "INVALID_CREDENTIAL");

            ProviderClient.Challenge ch2 = at1.challenge();
            Theta forTen = flow.prove(c, ch2);
            assertRefused(at1.spend(c.keyEpoch(), forTen, 20, ch2.binding(), ch2.nonce()), "INVALID_CREDENTIAL");

            ProviderClient.Challenge other = at2.challenge();
            ProviderClient.Challenge ch3 = at1.challenge();
            Theta boundTo2 = flow.prove(c, new ProviderClient.Challenge(ch3.nonce(), other.binding()));
            assertRefused(at1.spend(c.keyEpoch(), boundTo2, VALUE, ch3.binding(), ch3.nonce()), "INVALID_CREDENTIAL");
            ProviderClient.Challenge ch4 = at1.challenge();
            assertRefused(at1.spend(c.keyEpoch(), boundTo2, VALUE, other.binding(), ch4.nonce()), "WRONG_PROVIDER");

            // The same three, deposited on the ledger by provider 1 without its checks: the verifiers reject each,
            // and ζ is free again after each rejection.
            String zetaHex = HexFormat.of().formatHex(honest.zeta().toBytes());
            for (DirectDeposit d : List.of(
                    new DirectDeposit(tampered, ch.nonce(), VALUE),
                    new DirectDeposit(forTen, ch2.nonce(), 20),
                    new DirectDeposit(boundTo2, ch3.nonce(), VALUE))) {
                byte[] signed = tx.credentialDeposit(
                        p1,
                        ledger.account(p1.address()).nonce(),
                        d.theta().zeta().toBytes(),
                        d.value(),
                        new DepositPayload(c.keyEpoch(), d.nonce(), d.theta()).toBytes());
                LedgerRpc.TxResult r = ledger.broadcastCommit(signed);
                assertTrue(r.ok(), r.log());
                assertSettled(r.hash(), "rejected");
                assertEquals("unspent", zetaStatus(zetaHex, "unspent"));
            }

            // The honest showing of the same credential is still good after all that.
            ProviderClient.SpendAnswer ok = flow.spend(c, at1);
            assertTrue(ok.accepted(), ok.reason() + ": " + ok.detail());
            assertEquals(
                    "accepted",
                    flow.waitForSettlement(c.withSpend(ok.zeta(), null, ok.depositId()), at1)
                            .status());
        }
    }

    @Test
    @Order(5)
    void requestWithoutLedgerDebit_noPartialCredential() throws Exception {
        Secp256k1.KeyPair broke = Secp256k1.KeyPair.fromSeed("credential-flow-it-no-funds");
        CredentialHolder holder = new CredentialHolder(
                new nym.credential.NetworkTree(group.tree).parameters(), group.awaitCompletedKeyEpoch(WAIT), VALUE);
        byte[] request = new TxBuilder(group.chainId()).credentialRequest(broke, 0, VALUE, holder.payload.toBytes());
        LedgerRpc.TxResult refused = ledger.broadcastCommit(request);
        assertFalse(refused.ok(), "a request from an empty account is refused by the ledger");
        String requestId = AuthorityGroup.hash(request);
        Thread.sleep(3_000); // more than the blocks it would take an issuer to see a recorded request
        for (int i : AuthorityGroup.authorities()) {
            HttpResponse<String> r = Http.get(AuthorityGroup.issuer(i), "partial-credentials/" + requestId);
            assertEquals(404, r.statusCode(), "issuer " + i + ": " + r.body());
        }
    }

    @Test
    @Order(6)
    void monitoring_afterTheFlows_everyInstanceReadyAndEachRoleCounted() throws Exception {
        for (int i : AuthorityGroup.authorities()) {
            URI instance = TestEnvironment.instance(i);
            HttpResponse<String> ready = Http.get(instance, "/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            for (String check : List.of("database", "issuer", "verifier", "watcher")) {
                assertTrue(ready.body().contains("\"name\":\"" + check + "\""), check + ": " + ready.body());
            }
            String where = "instance " + i;
            Duration wait = Duration.ofSeconds(60);
            assertTrue(
                    AppMetrics.awaitSum(instance, 1, wait, "nym_issuer_partial_credentials_total", "outcome=\"issued\"")
                            >= 1,
                    where);
            assertTrue(
                    AppMetrics.awaitSum(instance, 1, wait, "nym_verifier_votes_total", "verdict=\"reject\"") >= 1,
                    where);
            assertTrue(AppMetrics.awaitSum(instance, 1, wait, "nym_watcher_deposits_voted_total") >= 1, where);
            assertTrue(AppMetrics.sum(instance, "nym_watcher_next_block") > 0, where);
        }
        URI first = TestEnvironment.instance(1);
        assertTrue(AppMetrics.sum(first, "nym_provider_spends_total", "outcome=\"accepted\"") >= 1);
        assertTrue(AppMetrics.sum(first, "nym_provider_spends_total", "outcome=\"invalid_credential\"") >= 3);
    }

    @Test
    @Order(7)
    void flow_oneValidatorKilled_authorityFailsOverAndTheFlowSettles() throws Exception {
        // validator 2 is authority 2's own node: its watcher, issuer, verifier and provider fail over to the others
        group.ledger.chain.killNode(1);
        try (CredentialFlow flow = holder(1, 2, 2, true)) {
            long before = flow.ledgerBalance();
            var transfer = flow.transferToPipe(VALUE);
            assertEquals(before + VALUE, flow.waitForCredit(transfer.depositId()));
            StoredCredential spent = fullFlow(flow, provider(2, 2));
            assertEquals("spent", zetaStatus(spent.zeta(), "spent"));
        } finally {
            group.ledger.chain.startNode(1);
        }
    }

    @Test
    @Order(8)
    void flow_oneInstanceStopped_stillSettles() throws Exception {
        PayaraScript.run("asadmin", "stop-instance", AuthorityGroup.instanceName(3));
        try (CredentialFlow flow = holder(2, 2, 1, true)) {
            long before = flow.ledgerBalance();
            var transfer = flow.transferToPipe(VALUE);
            assertEquals(before + VALUE, flow.waitForCredit(transfer.depositId()), "two watchers of three credit");
            StoredCredential spent = fullFlow(flow, provider(2, 1));
            assertEquals("spent", zetaStatus(spent.zeta(), "spent"));
        } finally {
            AuthorityGroup.restartStoppedInstances();
        }
    }

    private static void assertRefused(ProviderClient.SpendAnswer answer, String reason) {
        assertFalse(answer.accepted(), "accepted a credential that should be refused");
        assertEquals(reason, answer.reason(), answer.detail());
    }

    private record DirectDeposit(Theta theta, byte[] nonce, long value) {}

    /** Waits until the ledger settled the deposit and checks its outcome. */
    private static void assertSettled(String depositId, String outcome) throws Exception {
        JsonNode d = group.awaitSettled(depositId, WAIT);
        assertEquals(outcome, d.path("status").asText(), d.toString());
    }
}
