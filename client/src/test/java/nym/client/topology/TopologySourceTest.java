package nym.client.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import nym.client.ClientException;
import nym.client.testing.Topologies;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Json;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client uses a topology only when the pinned directory key signed exactly the bytes it received. */
class TopologySourceTest {

    private final Ed25519Identity directoryKey = Ed25519Identity.generate();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicReference<String> signature = new AtomicReference<>();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext(Paths.TOPOLOGY, ex -> {
            try (ex) {
                if (signature.get() != null) {
                    ex.getResponseHeaders().add(Signing.SIGNATURE_HEADER, signature.get());
                }
                ex.sendResponseHeaders(200, body.get().length);
                ex.getResponseBody().write(body.get());
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        byte[] json = Json.write(Topologies.of(2, 2));
        body.set(json);
        signature.set(Signing.signTopology(directoryKey, json));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetch_signedByThePinnedKey_parsed() {
        MixTopology topology = new TopologySource(uri, directoryKey.publicKeyText()).fetch();
        assertTrue(topology.canRoute());
        assertEquals(2, topology.gateways().size());
    }

    @Test
    void fetch_signedByAnotherKey_refused() {
        signature.set(Signing.signTopology(Ed25519Identity.generate(), body.get()));
        assertRefused(new TopologySource(uri, directoryKey.publicKeyText()));
    }

    @Test
    void fetch_bodyChangedAfterSigning_refused() {
        String changed = new String(body.get(), StandardCharsets.UTF_8).replace("127.0.0.1:10100", "127.0.0.1:66666");
        body.set(changed.getBytes(StandardCharsets.UTF_8));
        assertRefused(new TopologySource(uri, directoryKey.publicKeyText()));
    }

    @Test
    void fetch_unsigned_refused() {
        signature.set(null);
        assertRefused(new TopologySource(uri, directoryKey.publicKeyText()));
    }

    @Test
    void fetch_garbageSignature_refused() {
        signature.set("not a signature");
        assertRefused(new TopologySource(uri, directoryKey.publicKeyText()));
    }

    @Test
    void construct_malformedPinnedKey_configError() {
        ClientException e = assertThrows(ClientException.class, () -> new TopologySource(uri, "short"));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
    }

    private static void assertRefused(TopologySource source) {
        ClientException e = assertThrows(ClientException.class, source::fetch);
        assertEquals(ClientException.Kind.TOPOLOGY, e.kind());
    }
}
