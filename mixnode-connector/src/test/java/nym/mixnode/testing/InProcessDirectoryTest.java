package nym.mixnode.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Json;
import nym.directory.api.Keys;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.api.Topology;
import org.junit.jupiter.api.Test;

class InProcessDirectoryTest {

    private static final String SPHINX_KEY = Keys.encode(new byte[32]);

    @Test
    void presence_signedPosts_appearInSignedTopology() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Ed25519Identity mix = Ed25519Identity.generate();
            Ed25519Identity gw = Ed25519Identity.generate();
            new DirectoryClient(directory.uri(), mix)
                    .postMixnode(new MixnodePresence("127.0.0.1:1", mix.publicKeyText(), SPHINX_KEY, 2, "t", "here"));
            new DirectoryClient(directory.uri(), gw)
                    .postGateway(new GatewayPresence(
                            "127.0.0.1:2", "127.0.0.1:3", gw.publicKeyText(), SPHINX_KEY, "t", "here"));
            DirectoryClient reader = new DirectoryClient(directory.uri(), null);
            Topology topology = reader.topology(reader.directoryKey());
            assertEquals(3, topology.mixnodes().size());
            assertEquals(
                    mix.publicKeyText(),
                    topology.mixnodes().get(1).nodes().get(0).identityKey());
            assertEquals("127.0.0.1:3", topology.gateways().get(0).mixnetListener());

            directory.removeNode(mix.publicKeyText());
            new DirectoryClient(directory.uri(), mix)
                    .postMixnode(new MixnodePresence("127.0.0.1:1", mix.publicKeyText(), SPHINX_KEY, 2, "t", "here"));
            assertTrue(reader.topology(directory.directoryKey())
                    .mixnodes()
                    .get(1)
                    .nodes()
                    .isEmpty());
        }
    }

    @Test
    void topology_checkedWithAnotherKey_throwsBadSignature() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            DirectoryException e = assertThrows(
                    DirectoryException.class,
                    () -> new DirectoryClient(directory.uri(), null)
                            .topology(Ed25519Identity.generate().publicKey()));
            assertEquals(DirectoryException.Kind.BAD_SIGNATURE, e.kind());
        }
    }

    @Test
    void presence_badSignatureOrReplay_refusedAndNothingStored() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Ed25519Identity mix = Ed25519Identity.generate();
            byte[] body = Json.write(new MixnodePresence("127.0.0.1:1", mix.publicKeyText(), SPHINX_KEY, 1, "t", "x"));
            long ts = System.currentTimeMillis();
            String good = Signing.signRequest(mix, Paths.MIXNODES, ts, body);
            String other = Signing.signRequest(Ed25519Identity.generate(), Paths.MIXNODES, ts, body);
            assertEquals(401, post(directory.uri(), body, ts, other));
            assertTrue(directory.currentTopology().mixnodes().get(0).nodes().isEmpty());
            assertEquals(204, post(directory.uri(), body, ts, good));
            assertEquals(409, post(directory.uri(), body, ts, good));
        }
    }

    @Test
    void metrics_fromKnownMixnode_keptForTests() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start(Duration.ofSeconds(2), 3)) {
            Ed25519Identity mix = Ed25519Identity.generate();
            DirectoryClient client = new DirectoryClient(directory.uri(), mix);
            MixMetrics m = new MixMetrics(mix.publicKeyText(), 5L, 4L, Map.of("replay", 1L), 60_000L);
            assertEquals(
                    DirectoryException.Kind.HTTP_STATUS,
                    assertThrows(DirectoryException.class, () -> client.postMetrics(m))
                            .kind());
            client.postMixnode(new MixnodePresence("127.0.0.1:1", mix.publicKeyText(), SPHINX_KEY, 1, "t", "x"));
            client.postMetrics(m);
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
