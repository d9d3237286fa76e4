package nym.it;

import static nym.it.DirectoryProbe.awaitTopology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nym.directory.api.AuthoritySet;
import nym.directory.api.SignedEpochDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The directory across the run's deployment group ({@link AuthorityGroup#shared}): a heartbeat sent to instance 1 shows in the live view of instances 2 and 3
 * with its Sphinx key for the epoch; a node heartbeating to instance 1 (with Sphinx keys proven to each authority,
 * answering the reachability probe) is listed in a later epoch's document that every instance serves and at least
 * two of the three authorities signed (checked with TrustedEpochs against the test tree's pinned keys), a node whose
 * mix port does not answer is never listed, the documents keep coming with one instance stopped, a metrics report
 * posted to instance 1 reaches a WebSocket subscriber of instance 2 (Payara's data grid), every instance serves the
 * three authorities' own announcements signed by their pinned keys and refuses a forged one, and the dashboard of
 * instance 2 works in a headless browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("group")
class DirectoryClusterIT {

    /** The test tree's epochs last 10 s (integration-tests/bin/run): a few epochs, with room for a slow machine. */
    private static final Duration EPOCHS_TO_WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void deployToGroup() throws Exception {
        AuthorityGroup.shared();
    }

    @Test
    void heartbeatToInstance1_liveViewOfInstances2And3_showsItWithItsKeyForTheEpoch() throws Exception {
        URI one = TestEnvironment.instance(1);
        SignedNode node = new SignedNode();
        String host = "127.0.0.1:" + (20000 + ThreadLocalRandom.current().nextInt(20000));

        HttpResponse<String> r = node.post(one, "/api/presence/mixnodes", node.mixnodeJson(host));

        assertEquals(204, r.statusCode(), r.body());
        for (int i = 2; i <= TestEnvironment.instances(); i++) {
            String body = awaitTopology(
                            TestEnvironment.instance(i), b -> b.contains(node.key()), Duration.ofSeconds(15))
                    .body();
            long epoch = Long.parseLong(body.replaceAll("(?s).*\"epoch\":(\\d+).*", "$1"));
            assertTrue(body.contains(node.sphinxKey(epoch)), "instance " + i + ": " + body);
        }
    }

    @Test
    void heartbeatsToInstance1_laterEpochDocumentListsTheNodeSignedByAtLeastTwoAuthoritiesOnEveryInstance()
            throws Exception {
        AuthoritySet authorities = SignedNode.AUTHORITIES;
        try (EpochNode node = EpochNode.answering()) {
            long start = node.epochNow();
            node.keepAlive(TestEnvironment.instance(1));

            EpochDocuments.Accepted accepted = EpochDocuments.awaitListing(
                    TestEnvironment.instance(2), authorities, node.key(), start, EPOCHS_TO_WAIT);

            assertTrue(
                    accepted.signed().signatures().size() >= authorities.threshold(),
                    "signed by " + EpochDocuments.signers(accepted.signed()));
            assertTrue(authorities.keys().containsAll(EpochDocuments.signers(accepted.signed())));
            long epoch = accepted.document().epoch();
            for (int i = 1; i <= TestEnvironment.instances(); i++) {
                SignedEpochDocument same = EpochDocuments.get(TestEnvironment.instance(i), "/api/epochs/" + epoch)
                        .orElseThrow(() -> new AssertionError("epoch " + epoch + " missing"));
                assertEquals(accepted.signed().document(), same.document(), "instance " + i + " serves the same bytes");
            }
            assertNull(node.lastRefusal(), "every heartbeat accepted");
        }
    }

    @Test
    void nodeWhoseMixPortDoesNotAnswer_neverListed() throws Exception {
        AuthoritySet authorities = SignedNode.AUTHORITIES;
        try (EpochNode silent = EpochNode.silent();
                EpochNode answering = EpochNode.answering()) {
            long start = answering.epochNow();
            silent.keepAlive(TestEnvironment.instance(1));
            answering.keepAlive(TestEnvironment.instance(1));

            EpochDocuments.Accepted accepted = EpochDocuments.awaitListing(
                    TestEnvironment.instance(1), authorities, answering.key(), start, EPOCHS_TO_WAIT);

            assertNull(silent.lastRefusal(), "the silent node's heartbeats are accepted: only the probe leaves it out");
            assertFalse(EpochDocuments.lists(accepted.document(), silent.key()), "a node the probe cannot reach");
            for (String path : new String[] {"/api/epochs/current", "/api/epochs/next"}) {
                EpochDocuments.get(TestEnvironment.instance(1), path)
                        .ifPresent(d -> assertFalse(EpochDocuments.lists(d.unverified(), silent.key()), path));
            }
        }
    }

    @Test
    void authorities_eachInstanceAnnouncesItself_everyInstanceServesAllThreeSignedByTheirPinnedKeys() throws Exception {
        int n = TestEnvironment.instances();
        for (int i = 1; i <= n; i++) {
            URI base = TestEnvironment.instance(i);
            Map<Integer, JsonNode> served = awaitOwnAnnouncements(base, n, Duration.ofSeconds(30));
            for (int j = 1; j <= n; j++) {
                JsonNode a = served.get(j);
                assertEquals(
                        Announcements.tomlField(j, "issuer_address"),
                        a.get("issuerAddress").asText());
                assertEquals(
                        Announcements.tomlField(j, "watcher_address"),
                        a.get("watcherAddress").asText());
                assertEquals(
                        Announcements.tomlField(j, "verifier_address"),
                        a.get("verifierAddress").asText());
                assertTrue(a.get("ledgerRpc").asText().startsWith("http"), a.toString());
            }
        }
    }

    @Test
    void authorities_forgedAnnouncementToAnotherInstance_400AndTheServedOneUnchanged() throws Exception {
        URI two = TestEnvironment.instance(2);
        Map<Integer, JsonNode> before = awaitOwnAnnouncements(two, TestEnvironment.instances(), Duration.ofSeconds(30));
        String forged = Announcements.signedBody(
                Announcements.json(
                        1,
                        SignedNode.AUTHORITIES.keys().get(0),
                        "http://forged.example:1/issuer/api",
                        System.currentTimeMillis()),
                Announcements.outsiderKey());

        HttpResponse<String> r = Announcements.post(two, forged);

        assertEquals(400, r.statusCode(), r.body());
        JsonNode after = Announcements.verified(two).get(1);
        assertEquals(before.get(1).get("issuerUrl"), after.get("issuerUrl"));
    }

    /**
     * The verified announcements {@code base} serves once every authority 1..n has announced itself from its own
     * instance (its issuer URL on that instance's HTTP port, not an announcement another test posted).
     */
    private static Map<Integer, JsonNode> awaitOwnAnnouncements(URI base, int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Integer, JsonNode> served;
        while (true) {
            served = Announcements.verified(base);
            boolean all = true;
            for (int j = 1; j <= n; j++) {
                JsonNode a = served.get(j);
                String own = ":" + TestEnvironment.instance(j).getPort() + "/issuer/api";
                all &= a != null && a.get("issuerUrl").asText().endsWith(own);
            }
            if (all) {
                return served;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(base + " serves " + served + " after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** Last: it stops instance 3, started again before the next class. */
    @Test
    @Order(Integer.MAX_VALUE)
    void oneInstanceStopped_laterEpochsStillPublishedAndAcceptedWithTheOtherTwoSignatures() throws Exception {
        AuthoritySet authorities = SignedNode.AUTHORITIES;
        try (EpochNode node = EpochNode.answering()) {
            node.keepAlive(TestEnvironment.instance(1));
            PayaraScript.run("asadmin", "stop-instance", AuthorityGroup.instanceName(3));
            try {
                // The next epoch's document may have been signed by authority 3 before it stopped: look one further.
                long stoppedIn = node.epochNow();

                EpochDocuments.Accepted accepted = EpochDocuments.awaitListing(
                        TestEnvironment.instance(2), authorities, node.key(), stoppedIn + 1, EPOCHS_TO_WAIT);

                List<String> signers = EpochDocuments.signers(accepted.signed());
                assertFalse(signers.contains(authorities.keys().get(2)), "authority 3 is stopped: " + signers);
                assertTrue(signers.containsAll(authorities.keys().subList(0, 2)), signers.toString());
            } finally {
                AuthorityGroup.restartStoppedInstances();
            }
        }
    }

    @Test
    void replayToAnotherInstance_refused() throws Exception {
        SignedNode node = new SignedNode();
        byte[] body = DirectoryProbe.utf8(node.mixnodeJson(
                "127.0.0.1:" + (40000 + ThreadLocalRandom.current().nextInt(20000))));
        long ts = System.currentTimeMillis();
        String sig = node.sign("/api/presence/mixnodes", ts, body);

        HttpResponse<String> first = SignedNode.send(
                TestEnvironment.instance(1),
                "/api/presence/mixnodes",
                body,
                Long.toString(ts),
                sig,
                "application/json");
        HttpResponse<String> replay = SignedNode.send(
                TestEnvironment.instance(2),
                "/api/presence/mixnodes",
                body,
                Long.toString(ts),
                sig,
                "application/json");

        assertEquals(204, first.statusCode(), first.body());
        DirectoryApiIT.assertProblem(replay, 409, "not newer");
    }

    @Test
    void metricsPostedToInstance1_reachWebSocketSubscriberOfInstance2() throws Exception {
        URI one = TestEnvironment.instance(1);
        SignedNode node = new SignedNode();
        String host = "127.0.0.1:" + (20000 + ThreadLocalRandom.current().nextInt(20000));
        assertEquals(
                204,
                node.post(one, "/api/presence/mixnodes", node.mixnodeJson(host)).statusCode());
        DirectoryProbe.Subscriber ws = DirectoryProbe.Subscriber.open(TestEnvironment.instance(2));
        try {
            String metrics = "{\"identityKey\":\"" + node.key() + "\",\"received\":7,\"sent\":7,"
                    + "\"dropped\":{\"replay\":1},\"intervalMillis\":60000}";

            HttpResponse<String> r = node.post(one, "/api/metrics/mixes", metrics);

            assertEquals(200, r.statusCode(), r.body());
            String pushed = ws.await(node.key(), Duration.ofSeconds(15));
            assertTrue(pushed.contains("\"received\":7"), pushed);
        } finally {
            ws.close();
        }
    }

    @Test
    void dashboardOfInstance2_headlessChromium_showsEpochActiveSetRegisteredNodeAndLiveMetrics() throws Exception {
        String output = DashboardBrowser.run(TestEnvironment.instance(2));

        assertTrue(output.contains("dashboard shows epoch"), output);
        assertTrue(output.contains("time left counts down"), output);
        assertTrue(output.contains("dashboard shows the registered node in the live view"), output);
        assertTrue(output.contains("dashboard updated from the metrics stream"), output);
    }
}
