package nym.client.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import nym.client.cli.RunningClient;
import nym.client.config.ClientConfig;
import nym.client.config.MixingOverride;
import nym.client.runtime.MixnetClient;
import nym.client.runtime.ReceivedMessage;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.gateway.api.CellSizes;
import nym.gateway.api.ClientAddress;
import nym.link.LinkKeys;
import nym.mixnode.lifecycle.MixNode;
import nym.sphinx.SphinxParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observer of every link (issue 17): a relay records every byte on every TCP link of an in-process mixnet — each
 * client to its gateway, each gateway to layer 1, layer to layer, layer 3 to each gateway — while two clients exchange
 * known messages and a SURB reply among their cover traffic. Then: no message bytes, client id, encryption key, link
 * key or address appears in clear on any link; every frame after the Noise handshake has one length per link kind and
 * direction; and the inbox a gateway keeps for an offline client holds no plaintext either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkCaptureTest {

    /** What the test authorities sign into every epoch document: fast streams, 5 ms per hop. */
    private static final EpochDocument.Mixing RATES = new EpochDocument.Mixing(5, 10.0, 10.0, 10.0);

    private static final ClientConfig.Traffic TRAFFIC =
            new ClientConfig.Traffic(MixingOverride.NONE, Duration.ofSeconds(3), 100);

    /** Noise_XK: message 1 (e, es) and message 2 (e, ee) are 48 bytes, message 3 (s, se) 64. */
    private static final int HANDSHAKE_1_AND_2 = 48;

    private static final int HANDSHAKE_3 = 64;
    private static final int TAG = 16;

    // random parts, so that a match can only be the message itself
    private final String question = "capture question " + UUID.randomUUID();
    private final String answer = "capture answer " + UUID.randomUUID();
    private final String stored = "capture stored " + UUID.randomUUID();

    private InProcessMixnet net;
    private final List<RecordingProxy> proxies = new ArrayList<>();
    private final Map<String, List<Integer>> upLengths = new HashMap<>();
    private final Map<String, List<Integer>> downLengths = new HashMap<>();
    private final List<byte[]> wire = new ArrayList<>();
    private List<byte[]> secrets;
    private Path bobsGatewayData;
    private List<Path> bobsInboxFiles;

    @BeforeAll
    void exchangeMessagesWithEveryLinkRecorded(@TempDir Path dir) throws Exception {
        net = new InProcessMixnet(dir.resolve("nodes"), 1, 2, RATES);
        putObserversOnEveryLink();
        bobsGatewayData = dir.resolve("nodes").resolve("gateway-1");
        try (RunningClient aliceProcess = TestClients.start(net, dir.resolve("alice"), net.gateways.get(0), TRAFFIC)) {
            MixnetClient alice = aliceProcess.client();
            String bobAddress;
            try (RunningClient bobProcess = TestClients.start(net, dir.resolve("bob"), net.gateways.get(1), TRAFFIC)) {
                MixnetClient bob = bobProcess.client();
                bobAddress = bob.address();
                secrets = secretsOf(alice.address(), bobAddress);

                alice.send(bobAddress, utf8(question), true);
                ReceivedMessage atBob = awaitMessage(bob, question);
                bob.reply(atBob.replySurb().orElseThrow(), utf8(answer));
                ReceivedMessage atAlice = awaitMessage(alice, answer);
                assertTrue(atAlice.reply(), "the answer came back through the SURB");
            }
            // Bob is offline: the next message waits in his gateway's inbox
            alice.send(bobAddress, utf8(stored), false);
            TestClients.await("a message in bob's inbox", () -> !inboxFiles().isEmpty());
            bobsInboxFiles = inboxFiles();
        } finally {
            net.close();
        }
        for (RecordingProxy proxy : proxies) {
            proxy.close();
            for (RecordingProxy.Recording r : proxy.recordings()) {
                wire.add(r.up());
                wire.add(r.down());
                upLengths.computeIfAbsent(r.linkKind, k -> new ArrayList<>()).addAll(frameLengths(r.up()));
                downLengths.computeIfAbsent(r.linkKind, k -> new ArrayList<>()).addAll(frameLengths(r.down()));
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (RecordingProxy proxy : proxies) {
            proxy.close();
        }
    }

    /** A relay in front of every listener, published in the topology instead of the listener itself. */
    private void putObserversOnEveryLink() throws IOException {
        Map<String, String> published = new HashMap<>();
        for (MixNode node : net.all()) {
            RecordingProxy mix = new RecordingProxy("mix", node.mixnetAddress());
            proxies.add(mix);
            published.put("127.0.0.1:" + node.mixnetAddress().getPort(), mix.address());
        }
        for (MixNode gateway : net.gateways) {
            RecordingProxy client = new RecordingProxy("client", gateway.clientAddress());
            proxies.add(client);
            published.put("127.0.0.1:" + gateway.clientAddress().getPort(), client.address());
        }
        net.directory.publishAddresses(address -> published.getOrDefault(address, address));
        net.nextEpochWithEveryNode(); // its document lists the relays
    }

    @Test
    void capture_everyLinkKind_recordedAndEveryLinkEstablished() {
        assertTrue(countConnections("mix") >= 5, "gateway→1→2→3→gateway at least: " + countConnections("mix"));
        assertTrue(countConnections("client") >= 2, "both clients' links");
        assertTrue(
                downLengths.get("client").size() > 20,
                "downlink cells recorded: " + downLengths.get("client").size());
        assertTrue(
                upLengths.get("mix").size() > 20,
                "mix cells recorded: " + upLengths.get("mix").size());
    }

    @Test
    void capture_afterTheHandshake_everyFrameOfALinkKindHasOneLength() {
        SphinxParams sphinx = SphinxParams.DEFAULT;
        CellSizes client = CellSizes.forNetwork(sphinx.packetSize(), sphinx.payloadSize());
        assertEquals(
                new TreeSet<>(List.of(HANDSHAKE_1_AND_2, HANDSHAKE_3, sphinx.packetSize() + TAG)),
                new TreeSet<>(upLengths.get("mix")),
                "mix links, initiator → listener");
        assertEquals(
                new TreeSet<>(List.of(HANDSHAKE_1_AND_2, HANDSHAKE_3, client.uplink() + TAG)),
                new TreeSet<>(upLengths.get("client")),
                "client → gateway");
        assertEquals(
                new TreeSet<>(List.of(HANDSHAKE_1_AND_2, client.downlink() + TAG)),
                new TreeSet<>(downLengths.get("client")),
                "gateway → client");
        assertEquals(
                new TreeSet<>(List.of(HANDSHAKE_1_AND_2)),
                new TreeSet<>(downLengths.get("mix")),
                "a mix link's listener sends nothing after the handshake");
    }

    @Test
    void capture_everyLink_noMessageIdKeyOrAddressInClear() {
        List<byte[]> needles = new ArrayList<>(secrets);
        needles.add(utf8(question));
        needles.add(utf8(answer));
        needles.add(utf8(stored));
        for (byte[] recorded : wire) {
            for (byte[] needle : needles) {
                assertFalse(contains(recorded, needle), "found in clear on a link: " + printable(needle));
            }
        }
    }

    @Test
    void inbox_offlineRecipient_storedMessageHoldsNoPlaintext() throws IOException {
        assertFalse(bobsInboxFiles.isEmpty());
        List<byte[]> needles = new ArrayList<>(secrets);
        needles.add(utf8(stored));
        for (Path file : bobsInboxFiles) {
            byte[] content = Files.readAllBytes(file);
            for (byte[] needle : needles) {
                assertFalse(contains(content, needle), file + " holds " + printable(needle));
            }
        }
    }

    /** Each client's id, encryption key and link key, raw and as text, and both addresses. */
    private static List<byte[]> secretsOf(String... addresses) {
        List<byte[]> out = new ArrayList<>();
        for (String address : addresses) {
            ClientAddress a = ClientAddress.parse(address);
            for (byte[] key : List.of(a.clientId(), a.encryptionKey(), LinkKeys.x25519PublicKey(a.clientId()))) {
                out.add(key);
                out.add(utf8(Keys.encode(key)));
            }
            out.add(utf8(address));
        }
        return out;
    }

    /**
     * The frames of one direction of a link ({@code length u16 | body}). A last frame cut short is left out: the nodes
     * were shut down with writes in flight, which says nothing about what the link shows.
     */
    private static List<Integer> frameLengths(byte[] stream) {
        List<Integer> lengths = new ArrayList<>();
        int at = 0;
        while (at + 2 <= stream.length) {
            int length = ((stream[at] & 0xff) << 8) | (stream[at + 1] & 0xff);
            at += 2 + length;
            if (at <= stream.length) {
                lengths.add(length);
            }
        }
        return lengths;
    }

    private int countConnections(String kind) {
        return (int) proxies.stream()
                .filter(p -> p.linkKind().equals(kind))
                .mapToLong(p -> p.recordings().size())
                .sum();
    }

    private List<Path> inboxFiles() {
        try (Stream<Path> files = Files.walk(bobsGatewayData.resolve("inboxes"))) {
            return files.filter(f -> f.toString().endsWith(".msg")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static ReceivedMessage awaitMessage(MixnetClient client, String text) {
        List<ReceivedMessage> got = new ArrayList<>();
        TestClients.await(text, () -> {
            got.addAll(client.fetch(100));
            return got.stream().anyMatch(m -> new String(m.message(), StandardCharsets.UTF_8).equals(text));
        });
        return got.stream()
                .filter(m -> new String(m.message(), StandardCharsets.UTF_8).equals(text))
                .findFirst()
                .orElseThrow();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(byte[] b) {
        return Keys.encode(b);
    }
}
