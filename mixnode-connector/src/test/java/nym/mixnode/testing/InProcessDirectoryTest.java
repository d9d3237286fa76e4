package nym.mixnode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.EpochDocument;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Json;
import nym.directory.api.LeaveNotice;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.api.TrustedEpochs;
import nym.sphinx.NodeKeyPair;
import org.junit.jupiter.api.Test;

class InProcessDirectoryTest {

    /** A node's keys for epochs {@code from}..{@code from + 2}, proven to {@code directory}'s authorities. */
    private static List<AnnouncedKey> keys(InProcessDirectory directory, Ed25519Identity node, long from) {
        return LongStream.rangeClosed(from, from + 2)
                .mapToObj(epoch ->
                        directory.provenKey(node.publicKeyText(), epoch, NodeKeyPair.generate(new SecureRandom())))
                .toList();
    }

    private static MixnodePresence mix(Ed25519Identity node, List<AnnouncedKey> keys) {
        return new MixnodePresence("127.0.0.1:1", node.publicKeyText(), keys, "t", "here");
    }

    @Test
    void advanceEpoch_provenPresence_listedInADocumentTheClientsTrust() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Ed25519Identity m = Ed25519Identity.generate();
            Ed25519Identity gw = Ed25519Identity.generate();
            new DirectoryClient(directory.uri(), m).postMixnode(mix(m, keys(directory, m, 1)));
            new DirectoryClient(directory.uri(), gw)
                    .postGateway(new GatewayPresence(
                            "127.0.0.1:2", "127.0.0.1:3", gw.publicKeyText(), keys(directory, gw, 1), "t", "here"));

            directory.advanceEpoch();

            DirectoryClient reader = new DirectoryClient(directory.uri(), null);
            TrustedEpochs trusted = new TrustedEpochs(reader.authorities());
            EpochDocument document = trusted.accept(reader.currentEpoch(), System.currentTimeMillis());
            assertEquals(2, document.epoch());
            assertEquals(3, document.mixnodes().size());
            assertEquals(
                    m.publicKeyText(),
                    document.mixnodes().get(0).nodes().get(0).identityKey(),
                    "one mix node: dealt to layer 1");
            assertEquals("127.0.0.1:3", document.gateways().get(0).mixnetListener());
        }
    }

    @Test
    void advanceEpoch_keyWithoutAValidProof_leftOut() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Ed25519Identity m = Ed25519Identity.generate();
            List<AnnouncedKey> proven = keys(directory, m, 1);
            List<AnnouncedKey> copied = proven.stream()
                    .map(k -> new AnnouncedKey(k.epoch(), k.key(), Map.of()))
                    .toList();
            new DirectoryClient(directory.uri(), m).postMixnode(mix(m, copied));
            assertTrue(directory.advanceEpoch().mixnodes().get(0).nodes().isEmpty());
        }
    }

    @Test
    void epochs_signedByTooFew_refusedByTheNodesCheck() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            directory.signWith(1);
            directory.advanceEpoch();
            DirectoryClient reader = new DirectoryClient(directory.uri(), null);
            DirectoryException e = assertThrows(
                    DirectoryException.class,
                    () -> new TrustedEpochs(directory.authoritySet())
                            .accept(reader.currentEpoch(), System.currentTimeMillis()));
            assertEquals(DirectoryException.Kind.NOT_ENOUGH_SIGNATURES, e.kind());
        }
    }

    @Test
    void next_servedFromItsBuildUntilItsStart() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            DirectoryClient reader = new DirectoryClient(directory.uri(), null);
            assertTrue(reader.nextEpoch().isEmpty());
            directory.publishNextEpoch(Duration.ofHours(1));
            assertEquals(2, reader.nextEpoch().orElseThrow().unverified().epoch());
            assertEquals(1, reader.currentEpoch().unverified().epoch());
        }
    }

    @Test
    void leave_signedNotice_recordedAndNodeLeftOutOfTheNextDocument() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Ed25519Identity m = Ed25519Identity.generate();
            DirectoryClient node = new DirectoryClient(directory.uri(), m);
            node.postMixnode(mix(m, keys(directory, m, 1)));
            node.postLeave(new LeaveNotice(m.publicKeyText()));
            assertEquals(List.of(m.publicKeyText()), directory.leaves());
            assertTrue(directory.advanceEpoch().mixnodes().get(0).nodes().isEmpty());
        }
    }

    @Test
    void presence_badSignatureOrReplay_refusedAndNothingStored() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Ed25519Identity m = Ed25519Identity.generate();
            byte[] body = Json.write(mix(m, keys(directory, m, 1)));
            long ts = System.currentTimeMillis();
            String good = Signing.signRequest(m, Paths.MIXNODES, ts, body);
            String other = Signing.signRequest(Ed25519Identity.generate(), Paths.MIXNODES, ts, body);
            assertEquals(401, post(directory.uri(), body, ts, other));
            assertTrue(directory.announcedEpochs(m.publicKeyText()).isEmpty());
            assertEquals(204, post(directory.uri(), body, ts, good));
            assertEquals(409, post(directory.uri(), body, ts, good));
        }
    }

    @Test
    void metrics_fromKnownMixnode_keptForTests() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start(Duration.ofSeconds(2), 3)) {
            Ed25519Identity m = Ed25519Identity.generate();
            DirectoryClient client = new DirectoryClient(directory.uri(), m);
            MixMetrics metrics = new MixMetrics(m.publicKeyText(), 5L, 4L, Map.of("replay", 1L), 60_000L);
            assertEquals(
                    DirectoryException.Kind.HTTP_STATUS,
                    assertThrows(DirectoryException.class, () -> client.postMetrics(metrics))
                            .kind());
            client.postMixnode(mix(m, keys(directory, m, 1)));
            client.postMetrics(metrics);
            assertEquals(1, directory.metrics().size());
            assertEquals(4L, directory.metrics().get(0).sent());
        }
    }

    private static int post(URI base, byte[] body, long ts, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(Paths.MIXNODES))
                .header(Signing.TIMESTAMP_HEADER, Long.toString(ts))
                .header(Signing.SIGNATURE_HEADER, signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new String(body, StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
