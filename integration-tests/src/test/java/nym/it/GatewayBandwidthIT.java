package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import nym.client.credential.CredentialFlow;
import nym.client.credential.StoredCredential;
import nym.client.gateway.DeliveredOnce;
import nym.client.gateway.GatewayLink;
import nym.client.gateway.GatewaySession;
import nym.client.gateway.SpendOutcome;
import nym.client.keys.ClientKeys;
import nym.coconut.RandomSource;
import nym.coconut.verification.Theta;
import nym.credential.rpc.LedgerRpc;
import nym.directory.api.AuthoritySet;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import nym.ledger.Hex;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.lifecycle.MixNode;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Gateways paid with credentials (issue 20) against the real ledger, issuers and verifiers of the deployment group:
 * two metered gateways (mixnode-connector in process, their ledger accounts the test tree's
 * {@code gateways/gateway-<g>/gateway.key}, registered as service providers by the genesis) and clients speaking the
 * gateway protocol with nymclient's library. A client without a credential has no bandwidth; a spend is granted at
 * once and then settled on the ledger by the verifiers with the gateway as the provider; one credential spent at both
 * gateways at once is settled once and the loser takes its grant back; tampered and foreign credentials change no
 * balance; a restarted gateway keeps every balance.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("group")
class GatewayBandwidthIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration DKG_WAIT = Duration.ofSeconds(180);
    private static final int VALUE = 2;

    private static AuthorityGroup group;
    private static LedgerRpc ledger;
    private static long bytesPerNym;
    private static Path work;
    private static final MixNode[] gateways = new MixNode[2];
    private static final NodeKeys[] gatewayKeys = new NodeKeys[2];
    private static final ClientKeys alice = ClientKeys.generate(new SecureRandom());

    @BeforeAll
    static void deploy() throws Exception {
        group = AuthorityGroup.shared();
        ledger = new LedgerRpc(group.ledger.rpc(), Duration.ofSeconds(30));
        work = Files.createTempDirectory("nym-it-gateways");
        group.awaitCompletedKeyEpoch(DKG_WAIT);
        bytesPerNym = Long.parseLong(
                ledger.query("/params", new byte[0]).orElseThrow().getString("bandwidth_bytes_per_nym"));
        for (int g = 0; g < gateways.length; g++) {
            gatewayKeys[g] = NodeKeys.generate(new SecureRandom());
            gateways[g] = startGateway(g);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (MixNode g : gateways) {
            if (g != null) {
                g.close();
            }
        }
    }

    /** Gateway g (0-based) on its own data folder, metered by the ledger with the tree's gateway account g + 1. */
    private static MixNode startGateway(int g) throws Exception {
        // No directory: these gateways serve only this test's clients and must not join the group's epoch documents
        // (later test classes count the nodes there); the clients know their address and key.
        URI directory = URI.create("http://127.0.0.1:9");
        AuthoritySet authorities = AuthoritySet.load(group.tree.resolve(AuthoritySet.TREE_FILE));
        Path key = group.tree.resolve("gateways/gateway-" + (g + 1) + "/gateway.key");
        MixNodeConfig config = MixNodeConfig.builder(
                        NodeMode.GATEWAY, gatewayKeys[g], directory, work.resolve("gateway-" + (g + 1)))
                .authorities(authorities)
                .mixnetPort(0)
                .clientPort(0)
                .ioThreads(1)
                .cryptoWorkers(1)
                .bandwidth(b -> b.withLedger(List.of(group.ledger.rpc()), key))
                .build();
        return MixNode.start(config);
    }

    private static GatewayLink link(int g) {
        SphinxParams sphinx = SphinxParams.DEFAULT;
        return GatewayLink.of(
                "127.0.0.1:" + gateways[g].clientAddress().getPort(),
                gatewayKeys[g].identity().publicKey(),
                sphinx.packetSize(),
                sphinx.payloadSize());
    }

    /** A session of {@code client} at gateway g (registered first when the gateway does not know it). */
    private static GatewaySession session(int g, ClientKeys client, List<ErrorMessage> errors) {
        return GatewaySession.open(link(g), client, new DeliveredOnce(64), d -> {}, errors::add, b -> {}, cause -> {});
    }

    /** The balance the gateway reports to {@code client} when a session opens. */
    private static long balanceAt(int g, ClientKeys client) {
        try (GatewaySession s = session(g, client, new ArrayList<>())) {
            return s.bandwidthAtStart();
        }
    }

    /** Client k of the tree as a holder (no Ethereum: the test tree funds its ledger account at genesis). */
    private static CredentialFlow holder(int client) throws Exception {
        URI unused = TestEnvironment.instance(1).resolve("/provider/api/providers/1"); // these holders pay gateways
        return group.holder(client, VALUE, unused, false, work, WAIT);
    }

    /** Θ of {@code c} proven for the offer (its binding and nonce), as nymclient's payment does. */
    private static Function<SpendOffer, SpendCredential> proof(CredentialFlow flow, StoredCredential c) {
        return offer -> new SpendCredential(
                c.keyEpoch(),
                c.value(),
                offer.nonce(),
                CredentialFlow.prove(
                                flow.keysOf(c.keyEpoch()), c, offer.binding(), offer.nonce(), RandomSource.secure())
                        .toBytes());
    }

    private static String zetaOf(SpendCredential spend) throws Exception {
        return HexFormat.of().formatHex(Theta.fromBytes(spend.theta()).zeta().toBytes());
    }

    /** ζ's ledger record once its deposit settled (or the last one seen after {@link #WAIT}). */
    private static JsonNode settledDepositOf(String zetaHex) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<jakarta.json.JsonObject> z =
                    ledger.query("/zeta", HexFormat.of().parseHex(zetaHex));
            if (z.isPresent() && "spent".equals(z.get().getString("status")) || System.nanoTime() > end) {
                String depositId = z.orElseThrow().getString("deposit_id");
                return group.awaitSettled(depositId, WAIT);
            }
            Thread.sleep(250);
        }
    }

    private static long accountBalance(String relativeKey) throws Exception {
        return ledger.account(group.key(relativeKey).address()).balance();
    }

    @Test
    @Order(1)
    void withoutCredential_noBandwidth_thenPaid_grantedAtOnceAndSettledForTheGateway() throws Exception {
        List<ErrorMessage> errors = new ArrayList<>();
        long gatewayAccountBefore = accountBalance("gateways/gateway-1/gateway.key");
        try (CredentialFlow flow = holder(1);
                GatewaySession s = session(0, alice, errors)) {
            assertEquals(0, s.bandwidthAtStart(), "a new client has no bandwidth");

            StoredCredential c = flow.collect(flow.request(VALUE), note -> {});
            SpendCredential[] sent = new SpendCredential[1];
            SpendOutcome outcome = s.spend(offer -> sent[0] = proof(flow, c).apply(offer));
            SpendOutcome.Granted granted = assertInstanceOf(SpendOutcome.Granted.class, outcome, outcome.toString());
            assertEquals(VALUE * bytesPerNym, granted.granted());
            assertEquals(VALUE * bytesPerNym, granted.balance());

            JsonNode deposit = settledDepositOf(zetaOf(sent[0]));
            assertEquals("accepted", deposit.path("status").asText(), deposit.toString());
            assertEquals(
                    Hex.prefixed(group.key("gateways/gateway-1/gateway.key").address()),
                    deposit.path("provider").asText());
        }
        assertEquals(gatewayAccountBefore + VALUE, accountBalance("gateways/gateway-1/gateway.key"));
        assertEquals(VALUE * bytesPerNym, balanceAt(0, alice), "the settled spend keeps its bandwidth");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    @Order(2)
    void sameCredentialAtBothGatewaysAtOnce_settledOnce_andTheOtherGrantTakenBack() throws Exception {
        ClientKeys bob = ClientKeys.generate(new SecureRandom());
        ClientKeys carol = ClientKeys.generate(new SecureRandom());
        long gatewaysBefore =
                accountBalance("gateways/gateway-1/gateway.key") + accountBalance("gateways/gateway-2/gateway.key");
        try (CredentialFlow flow = holder(2);
                GatewaySession at1 = session(0, bob, new ArrayList<>());
                GatewaySession at2 = session(1, carol, new ArrayList<>())) {
            StoredCredential c = flow.collect(flow.request(VALUE), note -> {});
            SpendCredential[] sent = new SpendCredential[2];
            CompletableFuture<SpendOutcome> o1 = CompletableFuture.supplyAsync(
                    () -> at1.spend(offer -> sent[0] = proof(flow, c).apply(offer)));
            CompletableFuture<SpendOutcome> o2 = CompletableFuture.supplyAsync(
                    () -> at2.spend(offer -> sent[1] = proof(flow, c).apply(offer)));
            List<SpendOutcome> outcomes = List.of(o1.get(), o2.get());
            assertTrue(
                    outcomes.stream().anyMatch(o -> o instanceof SpendOutcome.Granted),
                    "at least the first spend is granted: " + outcomes);
            outcomes.stream()
                    .filter(o -> o instanceof SpendOutcome.Refused)
                    .forEach(o -> assertEquals(ErrorMessage.Code.DOUBLE_SPEND, ((SpendOutcome.Refused) o).code()));

            String zeta = zetaOf(sent[0]);
            assertEquals(zeta, zetaOf(sent[1]), "one credential, one ζ");
            JsonNode deposit = settledDepositOf(zeta);
            assertEquals("accepted", deposit.path("status").asText(), deposit.toString());
        }
        assertEquals(
                gatewaysBefore + VALUE,
                accountBalance("gateways/gateway-1/gateway.key") + accountBalance("gateways/gateway-2/gateway.key"),
                "exactly one gateway paid, once");
        // The gateway whose deposit lost (refused DOUBLE_SPEND by the ledger) takes its grant back.
        long end = System.nanoTime() + WAIT.toNanos();
        long total;
        do {
            total = balanceAt(0, bob) + balanceAt(1, carol);
            if (total == VALUE * bytesPerNym) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < end);
        assertEquals(VALUE * bytesPerNym, total, "bandwidth for one credential, over both gateways");
    }

    @Test
    @Order(3)
    void tamperedOrForeignCredentials_refusedAndNoBalanceChanged() throws Exception {
        long before = balanceAt(0, alice);
        try (CredentialFlow flow = holder(1);
                GatewaySession s = session(0, alice, new ArrayList<>())) {
            StoredCredential c = flow.collect(flow.request(VALUE), note -> {});

            SpendOutcome tampered = s.spend(offer -> {
                SpendCredential honest = proof(flow, c).apply(offer);
                try {
                    Theta swapped = CredentialHolder.swapResponses(Theta.fromBytes(honest.theta()));
                    return new SpendCredential(c.keyEpoch(), c.value(), offer.nonce(), swapped.toBytes());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertRefused(ErrorMessage.Code.CREDENTIAL_INVALID, tampered);

            byte[] otherGateway = group.key("gateways/gateway-2/gateway.key").address();
            SpendOutcome boundElsewhere = s.spend(offer -> {
                SpendOffer foreign = new SpendOffer(offer.nonce(), otherGateway, offer.bytesPerNym());
                return proof(flow, c).apply(foreign);
            });
            assertRefused(ErrorMessage.Code.CREDENTIAL_INVALID, boundElsewhere);

            SpendOutcome wrongValue = s.spend(offer -> {
                SpendCredential honest = proof(flow, c).apply(offer);
                return new SpendCredential(c.keyEpoch(), 5, offer.nonce(), honest.theta());
            });
            assertRefused(ErrorMessage.Code.CREDENTIAL_INVALID, wrongValue);

            SpendOutcome unknownKeyEpoch = s.spend(offer -> {
                SpendCredential honest = proof(flow, c).apply(offer);
                return new SpendCredential(c.keyEpoch() + 1000, c.value(), offer.nonce(), honest.theta());
            });
            assertRefused(ErrorMessage.Code.CREDENTIAL_INVALID, unknownKeyEpoch);

            SpendOutcome honest = s.spend(proof(flow, c));
            assertInstanceOf(SpendOutcome.Granted.class, honest, "the untampered credential still pays: " + honest);
            SpendOutcome again = s.spend(proof(flow, c));
            assertRefused(ErrorMessage.Code.DOUBLE_SPEND, again);
        }
        assertEquals(before + VALUE * bytesPerNym, balanceAt(0, alice), "only the honest spend counted");
    }

    @Test
    @Order(4)
    void restartedGateway_keepsEveryBalance() throws Exception {
        long before = balanceAt(0, alice);
        assertTrue(before > 0);
        gateways[0].close();
        gateways[0] = startGateway(0);
        assertEquals(before, balanceAt(0, alice));
    }

    private static void assertRefused(ErrorMessage.Code code, SpendOutcome outcome) {
        SpendOutcome.Refused refused = assertInstanceOf(SpendOutcome.Refused.class, outcome, outcome.toString());
        assertEquals(code, refused.code(), refused.text());
    }
}
