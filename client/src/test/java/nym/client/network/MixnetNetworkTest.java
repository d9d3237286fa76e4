package nym.client.network;

import static nym.client.network.TestClients.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nym.client.ClientException;
import nym.client.api.LocalApiClient;
import nym.client.cli.NymClient;
import nym.client.cli.RunningClient;
import nym.client.config.ClientConfig;
import nym.client.config.ClientConfigFile;
import nym.client.config.ClientHome;
import nym.client.config.MixingOverride;
import nym.client.gateway.GatewayLink;
import nym.client.gateway.GatewaySession;
import nym.client.qos.LoopReport;
import nym.client.runtime.ClientStatus;
import nym.client.runtime.MixnetClient;
import nym.client.runtime.ReceivedMessage;
import nym.client.traffic.TrafficCounters;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.link.LinkException;
import nym.mixnode.lifecycle.MixNode;
import nym.mixnode.metrics.DropReason;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole mixnet in this JVM: 3 layers x 2 mix nodes, 2 gateways, the in-process directory (real signed topology)
 * and 2 clients created with {@code nymclient init} and started with fast test rates. The tests share the network and
 * run in order; the last one stops a mix node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixnetNetworkTest {

    /** What the test authorities sign into every epoch document: fast streams, 5 ms per hop. */
    private static final EpochDocument.Mixing RATES = new EpochDocument.Mixing(5, 20.0, 20.0, 20.0);

    /** Fast streams so that a few seconds hold enough packets for the statistics. */
    private static final ClientConfig.Traffic TEST_TRAFFIC =
            new ClientConfig.Traffic(MixingOverride.NONE, Duration.ofSeconds(3), 100);

    private Path dir;
    private InProcessMixnet net;
    private RunningClient aliceProcess;
    private RunningClient bobProcess;
    private MixnetClient alice;
    private MixnetClient bob;

    @BeforeAll
    void startNetwork(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        net = new InProcessMixnet(dir.resolve("nodes"), 2, 2, RATES);
        aliceProcess = startClient("alice", net.gateways.get(0));
        bobProcess = startClient("bob", net.gateways.get(1));
        alice = aliceProcess.client();
        bob = bobProcess.client();
    }

    @AfterAll
    void stopNetwork() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {aliceProcess, bobProcess, net}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private RunningClient startClient(String name, MixNode gateway) {
        return TestClients.start(net, dir.resolve(name), gateway, TEST_TRAFFIC);
    }

    @Test
    @Order(1)
    void init_homeFolder_secretsAreOwnerOnlyAndInitRefusesToOverwrite() throws Exception {
        ClientHome home = new ClientHome(dir.resolve("alice"));
        for (Path secret : List.of(home.identityKeyFile(), home.encryptionKeyFile())) {
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(secret));
        }
        assertFalse(Files.exists(home.folder().resolve("gateway.token")), "no bearer token any more");
        byte[] before = Files.readAllBytes(home.identityKeyFile());
        int exit = NymClient.commandLine()
                .execute(
                        "init",
                        "--home",
                        home.folder().toString(),
                        "--directory",
                        net.directory.uri().toString());
        assertEquals(2, exit);
        assertArrayEquals(before, Files.readAllBytes(home.identityKeyFile()));
    }

    @Test
    @Order(2)
    void register_listenerOfAnotherGatewayKey_linkRefusedAndCounted() {
        MixNode listener = net.gateways.get(0);
        byte[] otherGatewayKey =
                Keys.decode(InProcessMixnet.identity(net.gateways.get(1)), Keys.PUBLIC_KEY_BYTES, "gateway key");
        SphinxParams sphinx = SphinxParams.DEFAULT;
        GatewayLink wrong = GatewayLink.of(
                "127.0.0.1:" + listener.clientAddress().getPort(),
                otherGatewayKey,
                sphinx.packetSize(),
                sphinx.payloadSize());
        long before = listener.gatewayCounters().linkFailures(LinkException.Kind.GARBLED_HANDSHAKE);
        ClientException e = assertThrows(
                ClientException.class,
                () -> GatewaySession.register(wrong, new ClientHome(dir.resolve("alice")).readKeys()));
        assertEquals(ClientException.Kind.GATEWAY, e.kind());
        await(
                "the refusal counted",
                () -> listener.gatewayCounters().linkFailures(LinkException.Kind.GARBLED_HANDSHAKE) > before);
    }

    @Test
    @Order(3)
    void send_messagesAcrossGateways_arriveIntactAndInTime() {
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] message = ("message " + i + " from alice").getBytes(StandardCharsets.UTF_8);
            sent.add(message);
            alice.send(bob.address(), message, false);
        }
        byte[] longest = new byte[alice.maxMessageSize(false)];
        new java.util.Random(5).nextBytes(longest);
        sent.add(longest);
        alice.send(bob.address(), longest, false);

        long start = System.nanoTime();
        List<ReceivedMessage> received = new ArrayList<>();
        await("all messages at bob", () -> {
            received.addAll(bob.fetch(100));
            return received.size() >= sent.size();
        });
        System.out.printf("%d messages arrived within %d ms%n", sent.size(), (System.nanoTime() - start) / 1_000_000);
        assertEquals(sent.size(), received.size());
        for (byte[] message : sent) {
            assertTrue(
                    received.stream().anyMatch(r -> java.util.Arrays.equals(r.message(), message)),
                    "arrived intact: " + new String(message, 0, Math.min(20, message.length), StandardCharsets.UTF_8));
        }
        assertTrue(received.stream().noneMatch(ReceivedMessage::reply));
        assertEquals(0, bob.status().traffic().malformedReceived());
        assertEquals(0, bob.status().traffic().unopenedReceived());
    }

    @Test
    @Order(4)
    void reply_throughTheAttachedSurb_arrivesAtTheSenderOnce() {
        alice.send(bob.address(), "question".getBytes(StandardCharsets.UTF_8), true);
        List<ReceivedMessage> atBob = new ArrayList<>();
        await("question at bob", () -> {
            atBob.addAll(bob.fetch(10));
            return !atBob.isEmpty();
        });
        ReceivedMessage question = atBob.get(0);
        assertArrayEquals("question".getBytes(StandardCharsets.UTF_8), question.message());
        String handle = question.replySurb().orElseThrow();

        bob.reply(handle, "answer".getBytes(StandardCharsets.UTF_8));
        ClientException reused =
                assertThrows(ClientException.class, () -> bob.reply(handle, "again".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ClientException.Kind.MESSAGE, reused.kind());

        List<ReceivedMessage> atAlice = new ArrayList<>();
        await("answer at alice", () -> {
            atAlice.addAll(alice.fetch(10));
            return !atAlice.isEmpty();
        });
        assertTrue(atAlice.get(0).reply());
        assertArrayEquals(
                "answer".getBytes(StandardCharsets.UTF_8), atAlice.get(0).message());
        assertEquals(1, alice.status().traffic().repliesReceived());
    }

    @Test
    @Order(5)
    void localApi_sendAndFetchThroughTheWebSocket_messageArrives() throws Exception {
        LocalApiClient aliceApi = aliceProcess.apiClient();
        LocalApiClient bobApi = bobProcess.apiClient();
        JsonObject own = json(bobApi.exchange("{\"type\":\"ownDetails\"}"));
        assertEquals(bob.address(), own.getString("address"));
        JsonObject refused = json(aliceApi.exchange("{\"type\":\"send\",\"recipient\":\"nobody\",\"message\":\"x\"}"));
        assertEquals("error", refused.getString("type"));
        String send = "{\"type\":\"send\",\"recipient\":\"" + bob.address() + "\",\"message\":\"over the API\"}";
        assertTrue(json(aliceApi.exchange(send)).getBoolean("ok"));
        List<String> texts = new ArrayList<>();
        await("message fetched through bob's API", () -> {
            json(bobApi.exchange("{\"type\":\"fetch\"}"))
                    .getJsonArray("messages")
                    .forEach(m -> texts.add(m.asJsonObject().getString("message", "")));
            return texts.contains("over the API");
        });
        assertEquals(List.of("over the API"), texts, "the refused send sent nothing");

        HttpResponse<String> stats = aliceApi.stats();
        assertEquals(200, stats.statusCode());
        assertTrue(json(stats.body()).getJsonObject("loops").getInt("sent") > 0);
    }

    /**
     * Over a window of several seconds, each stream sends about rate x window packets. A Poisson count has standard
     * deviation √(λt) ≈ 11 here; the bounds (half to one and a half times the expectation) are more than 5 of them,
     * so this checks the streams run at their configured rates, not the machine's speed.
     */
    @Test
    @Order(6)
    void coverTraffic_window_flowsAtTheConfiguredRatesAndLoopsReturn() throws Exception {
        Duration window = Duration.ofSeconds(6);
        TrafficCounters.Snapshot before = alice.status().traffic();
        long gatewayDropsBefore = unknownClientDrops();
        Thread.sleep(window.toMillis());
        TrafficCounters.Snapshot after = alice.status().traffic();

        double seconds = window.toMillis() / 1000.0;
        long loopStream = after.loopsSent() - before.loopsSent();
        // idle: the payload stream sends drops too
        long dropStream = after.dropsSent() - before.dropsSent();
        assertWithin("loop stream", loopStream, RATES.loopRate() * seconds);
        assertWithin(
                "payload and drop streams (drops when idle)",
                dropStream,
                (RATES.payloadRate() + RATES.dropRate()) * seconds);
        assertEquals(before.sendFailures(), after.sendFailures(), "no stream tick failed");

        // drop cover crossed the mixnet: the gateways discarded it as mail for nobody
        long gatewayDrops = unknownClientDrops() - gatewayDropsBefore;
        assertTrue(gatewayDrops > dropStream / 2, "gateways discarded " + gatewayDrops + " of " + dropStream);

        LoopReport loops = alice.status().loops();
        System.out.println("alice: " + loops.summary());
        System.out.println("bob: " + bob.status().loops().summary());
        assertTrue(loops.returned() > 50, "loops came back: " + loops.returned());
        assertTrue(loops.reliability() > 0.95, "reliability " + loops.reliability());
        assertTrue(
                loops.rttMedianMillis() > 0 && loops.rttMedianMillis() < 2000, "median rtt " + loops.rttMedianMillis());
    }

    /** {@code nymclient run} as its own process, and {@code nymclient send} handing it a message for bob. */
    @Test
    @Order(7)
    void runCommand_separateProcess_printsItsAddressSendsForSendAndStopsOnSigterm() throws Exception {
        Path home = dir.resolve("carol");
        ClientConfig config;
        try (RunningClient initialised = startClient("carol", net.gateways.get(0))) {
            config = initialised.config(); // init and the test rates; closed again so the process takes over
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ClientConfigFile.write(
                config.withApi(new ClientConfig.Api("127.0.0.1", port)), new ClientHome(home).configFile());

        Path log = dir.resolve("carol.log");
        Process run = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        NymClient.class.getName(),
                        "run",
                        "--home",
                        home.toString(),
                        "--report-every",
                        "1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await("carol's process reports loops", () -> readLog(log).contains("loops sent="));
            String output = readLog(log);
            assertTrue(output.contains("address: "), output);
            assertTrue(output.contains("local API: ws://127.0.0.1:" + port + "/"), output);
            // the run's API secret, which `send` reads, is the user's only
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(new ClientHome(home).apiSecretFile()));

            int exit = NymClient.commandLine()
                    .execute("send", "--home", home.toString(), "--to", bob.address(), "--message", "from carol");
            assertEquals(0, exit);
            List<String> texts = new ArrayList<>();
            await("carol's message at bob", () -> {
                bob.fetch(10).forEach(m -> texts.add(new String(m.message(), StandardCharsets.UTF_8)));
                return texts.contains("from carol");
            });
        } finally {
            run.destroy(); // SIGTERM: the shutdown hook closes the API and the client
            assertTrue(run.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "carol's process stopped");
            assertFalse(Files.exists(new ClientHome(home).apiSecretFile()), "the API secret is removed at stop");
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    @Order(8)
    void stopMixnode_lossesChargedToItThenTheNextEpochAvoidsItAndBringsItsRates() throws Exception {
        MixNode victim = net.mixnodes.get(2);
        String victimId = InProcessMixnet.identity(victim);
        long lostBefore = alice.status().loops().lost() + bob.status().loops().lost();
        long lostOnVictimBefore = lostOn(alice, victimId) + lostOn(bob, victimId);
        victim.close();

        // the clients see it: loops through it are lost, and charged to it
        await(
                "loops lost through the stopped node",
                () -> lostOn(alice, victimId) + lostOn(bob, victimId) > lostOnVictimBefore);
        assertTrue(alice.status().loops().lost() + bob.status().loops().lost() > lostBefore);

        // the authorities leave it out of the next epoch's document, which also halves the loop rate; the clients
        // find that document ahead and switch to it at the boundary: 5 mix nodes, dealt to the 3 layers
        long epochBefore = alice.status().epoch();
        EpochDocument.Mixing halfTheLoops = new EpochDocument.Mixing(
                RATES.meanHopDelayMillis(), RATES.payloadRate(), RATES.loopRate() / 2, RATES.dropRate());
        net.directory.mixing(halfTheLoops);
        net.directory.removeNode(victimId);
        net.directory.publishNextEpoch(Duration.ofSeconds(2));
        await(
                "the next epoch, without the stopped node",
                () -> alice.status().epoch() > epochBefore
                        && bob.status().epoch() > epochBefore
                        && alice.status().layerSizes().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum()
                                == 5
                        && bob.status().layerSizes().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum()
                                == 5);
        // loops sent before the update (some through the stopped node) are settled: one loop timeout, plus the
        // client's expiry check period (up to a quarter timeout) and the housekeeping thread's lag on a loaded machine
        // (a CI run counted two of them lost inside the window below when it waited only timeout + 0.5 s)
        Thread.sleep(2 * TEST_TRAFFIC.loopTimeout().toMillis());

        long sentViaVictim = sentVia(alice, victimId) + sentVia(bob, victimId);
        long lostAfterUpdate =
                alice.status().loops().lost() + bob.status().loops().lost();
        long returnedAfterUpdate =
                alice.status().loops().returned() + bob.status().loops().returned();
        long loopsSentAfterUpdate =
                alice.status().traffic().loopsSent() + bob.status().traffic().loopsSent();
        long windowStart = System.nanoTime();
        Thread.sleep(3000);
        ClientStatus a = alice.status();
        ClientStatus b = bob.status();
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        assertEquals(sentViaVictim, sentVia(alice, victimId) + sentVia(bob, victimId), "no route used the node");
        long returned = a.loops().returned() + b.loops().returned() - returnedAfterUpdate;
        long lost = a.loops().lost() + b.loops().lost() - lostAfterUpdate;
        assertTrue(returned > 30, "loops flow again: " + returned);
        // the loop streams restarted at the new document's λL: 2 clients × 10/s × ~3 s = ~60 expected (sd ~7.7),
        // twice that at the old rate; ±40% is over 3 sd either side and excludes the old rate
        assertEquals(halfTheLoops.loopRate(), a.mixing().loopRate());
        long loopsSent = a.traffic().loopsSent() + b.traffic().loopsSent() - loopsSentAfterUpdate;
        double expected = 2 * halfTheLoops.loopRate() * windowSeconds;
        assertTrue(
                loopsSent > 0.6 * expected && loopsSent < 1.4 * expected,
                loopsSent + " loops sent in " + windowSeconds + " s, " + expected + " expected at the new rate");
        // a loop slower than the 3 s timeout on this shared machine would count as lost: allow 2%, not a failure
        assertTrue(lost <= returned / 50, lost + " loops lost after the update, " + returned + " returned");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private long unknownClientDrops() {
        return net.gateways.stream()
                .mapToLong(g -> g.metrics().snapshot().dropped(DropReason.UNKNOWN_CLIENT))
                .sum();
    }

    private static long lostOn(MixnetClient client, String node) {
        LoopReport.NodeCounts c = client.status().loops().perNode().get(node);
        return c == null ? 0 : c.lost();
    }

    private static long sentVia(MixnetClient client, String node) {
        LoopReport.NodeCounts c = client.status().loops().perNode().get(node);
        return c == null ? 0 : c.sent();
    }

    private static void assertWithin(String what, long count, double expected) {
        assertTrue(
                count > expected * 0.5 && count < expected * 1.5,
                what + ": " + count + " packets, expected about " + expected);
    }
}
