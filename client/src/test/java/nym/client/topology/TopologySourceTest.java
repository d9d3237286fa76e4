package nym.client.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import nym.client.ClientException;
import nym.client.testing.Topologies;
import nym.directory.api.EpochDocument;
import nym.directory.api.Json;
import nym.directory.api.Paths;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;

/**
 * The client routes only over epoch documents with t signatures of its pinned authorities, never over an older epoch
 * than one it holds or a document past its validity, and switches to the next document at its epoch's start.
 */
class TopologySourceTest {

    private static final long EPOCH = 10;

    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();
    private final AtomicLong now = new AtomicLong(Topologies.startMillis(EPOCH) + 1000);
    private SignedEpochDocument current = authorities.signByThreshold(Topologies.epoch(EPOCH, 2, 2));
    private SignedEpochDocument next;

    private final TopologySource source = new TopologySource(
            new TopologySource.Documents() {
                @Override
                public SignedEpochDocument current() {
                    return current;
                }

                @Override
                public Optional<SignedEpochDocument> next() {
                    return Optional.ofNullable(next);
                }
            },
            authorities.set(),
            now::get);

    @Test
    void fetch_signedByThreshold_currentEpochsTopology() {
        MixTopology topology = source.fetch();
        assertEquals(EPOCH, topology.epoch());
        assertTrue(topology.canRoute());
        assertEquals(OptionalLong.empty(), source.nextStartMillis());
    }

    @Test
    void fetch_fewerThanThresholdSignatures_refusedNotEnoughSignatures() {
        current = authorities.sign(Topologies.epoch(EPOCH, 2, 2), 3);
        assertRefused(source::fetch, "NOT_ENOUGH_SIGNATURES");
    }

    @Test
    void fetch_signedByUnknownKeys_refusedNotEnoughSignatures() {
        current = TestAuthorities.threeOfWhichTwo().sign(Topologies.epoch(EPOCH, 2, 2), 1, 2, 3);
        assertRefused(source::fetch, "NOT_ENOUGH_SIGNATURES");
    }

    @Test
    void fetch_documentChangedAfterSigning_refusedNotEnoughSignatures() {
        SignedEpochDocument other = authorities.signByThreshold(Topologies.epoch(EPOCH, 2, 2));
        current = new SignedEpochDocument(
                SignedEpochDocument.of(Topologies.epoch(EPOCH, 2, 2)).document(), other.signatures());
        assertRefused(source::fetch, "NOT_ENOUGH_SIGNATURES");
    }

    @Test
    void fetch_documentPastItsValidity_refusedExpired() {
        now.set(Topologies.startMillis(EPOCH + 1) + Topologies.GRACE_MILLIS);
        assertRefused(source::fetch, "EXPIRED");
    }

    @Test
    void refresh_directoryServesAnOlderEpoch_refusedStaleAndHeldDocumentKept() {
        source.fetch();
        current = authorities.signByThreshold(Topologies.epoch(EPOCH - 1, 2, 2));
        now.set(Topologies.startMillis(EPOCH + 1) + 1000); // ended, in the key grace, no next held: fetches current
        assertRefused(source::refresh, "STALE_EPOCH");
        assertEquals(EPOCH, source.topology().epoch());
    }

    @Test
    void topology_atTheNextEpochsStart_switchesToTheNextDocument() {
        next = authorities.signByThreshold(Topologies.epoch(EPOCH + 1, 1, 1));
        source.fetch();
        long boundary = Topologies.startMillis(EPOCH + 1);
        assertEquals(OptionalLong.of(boundary), source.nextStartMillis());
        now.set(boundary - 1);
        assertEquals(EPOCH, source.topology().epoch());
        now.set(boundary);
        assertEquals(EPOCH + 1, source.topology().epoch());
        assertEquals(OptionalLong.empty(), source.nextStartMillis());
    }

    @Test
    void refresh_nextBuiltAfterStart_foundAndUsedAtItsStart() {
        source.fetch();
        next = authorities.signByThreshold(Topologies.epoch(EPOCH + 1, 1, 1));
        source.refresh();
        now.set(Topologies.startMillis(EPOCH + 1));
        assertEquals(EPOCH + 1, source.topology().epoch());
    }

    @Test
    void refresh_nextWithTooFewSignatures_refusedAndNotUsed() {
        source.fetch();
        next = authorities.sign(Topologies.epoch(EPOCH + 1, 1, 1), 2);
        assertRefused(source::refresh, "NOT_ENOUGH_SIGNATURES");
        assertEquals(OptionalLong.empty(), source.nextStartMillis());
        now.set(Topologies.startMillis(EPOCH + 1));
        assertEquals(EPOCH, source.topology().epoch()); // still in the key grace of epoch 10
    }

    @Test
    void topology_inTheKeyGraceWithoutNext_keepsTheCurrentDocument() {
        source.fetch();
        now.set(Topologies.startMillis(EPOCH + 1) + Topologies.GRACE_MILLIS - 1);
        assertEquals(EPOCH, source.topology().epoch());
    }

    @Test
    void topology_pastValidUntilWithoutNext_refused() {
        source.fetch();
        now.set(Topologies.startMillis(EPOCH + 1) + Topologies.GRACE_MILLIS);
        ClientException e = assertThrows(ClientException.class, source::topology);
        assertEquals(ClientException.Kind.TOPOLOGY, e.kind());
        assertTrue(e.getMessage().contains("epoch " + EPOCH + "'s has expired"), e.getMessage());
    }

    @Test
    void refresh_afterTheEndWithoutNext_fetchesTheNewCurrentDocument() {
        source.fetch();
        current = authorities.signByThreshold(Topologies.epoch(EPOCH + 1, 1, 1));
        now.set(Topologies.startMillis(EPOCH + 1) + 5);
        source.refresh();
        assertEquals(EPOCH + 1, source.topology().epoch());
    }

    @Test
    void of_directoryWithCurrentAndNoNextYet_currentFetchedOverHttp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        EpochDocument document = Topologies.epoch(System.currentTimeMillis() / Topologies.EPOCH_MILLIS, 1, 1);
        byte[] body = Json.write(authorities.signByThreshold(document));
        server.createContext(Paths.EPOCH_CURRENT, ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.createContext(Paths.EPOCH_NEXT, ex -> {
            try (ex) {
                ex.sendResponseHeaders(404, -1);
            }
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            TopologySource http = TopologySource.of(uri, authorities.set());
            assertEquals(document.epoch(), http.fetch().epoch());
            http.refresh(); // the 404 of a next document not built yet is no failure
            assertEquals(OptionalLong.empty(), http.nextStartMillis());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void publishedAuthorities_directoryServesItsSet_parsedForTrustOnFirstUse() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        byte[] body = authorities.set().toText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext(Paths.AUTHORITIES, ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertEquals(authorities.set(), TopologySource.publishedAuthorities(uri));
        } finally {
            server.stop(0);
        }
    }

    private static void assertRefused(Runnable call, String kind) {
        ClientException e = assertThrows(ClientException.class, call::run);
        assertEquals(ClientException.Kind.TOPOLOGY, e.kind());
        assertTrue(e.getMessage().contains("(" + kind + ")"), e.getMessage());
    }
}
