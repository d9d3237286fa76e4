package nym.directory.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTrip_records_equal() {
        List<AnnouncedKey> keys = List.of(new AnnouncedKey(7, "s", Map.of("a", "t")));
        MixnodePresence m = new MixnodePresence("127.0.0.1:1789", "k", keys, "0.1", "DE");
        assertEquals(m, Json.read(Json.write(m), MixnodePresence.class));
        GatewayPresence g = new GatewayPresence("a:1", "a:2", "k", keys, "0.1", "FR");
        assertEquals(g, Json.read(Json.write(g), GatewayPresence.class));
        MixMetrics metrics = new MixMetrics("k", 10L, 9L, Map.of("replay", 1L), 60_000L);
        assertEquals(metrics, Json.read(Json.write(metrics), MixMetrics.class));
        Topology t = new Topology(
                1L,
                17L,
                10_000L,
                List.of(new Topology.Mixnode("h", "k", "s", "v", "l", 5L)),
                List.of(),
                List.of(new Topology.Validator("h", "k", "issuer", null, "v", "l", 6L)));
        assertEquals(t, Json.read(Json.write(t), Topology.class));
        EpochDocument d = TrustedEpochsTest.document(3);
        assertEquals(d, Json.read(d.canonicalBytes(), EpochDocument.class));
    }

    @Test
    void read_metricsWithPerNextHopSent_refusedAsMalformed() {
        // the old report shape: sent per host:port. A directory must not take per-link counts (issue 17).
        byte[] old = "{\"identityKey\":\"k\",\"received\":1,\"sent\":{\"127.0.0.1:1790\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        DirectoryException e = assertThrows(DirectoryException.class, () -> Json.read(old, MixMetrics.class));
        assertEquals(DirectoryException.Kind.JSON, e.kind());
    }

    @Test
    void read_missingField_null() {
        MixnodePresence m = Json.read("{\"host\":\"h\"}".getBytes(StandardCharsets.UTF_8), MixnodePresence.class);
        assertNull(m.sphinxKeys());
        assertNull(m.identityKey());
    }

    @Test
    void read_wrongTypeOrMalformed_jsonKind() {
        for (String bad : new String[] {"{\"sphinxKeys\":\"one\"}", "{\"host\":", "[1,2]", "nope"}) {
            DirectoryException e = assertThrows(
                    DirectoryException.class,
                    () -> Json.read(bad.getBytes(StandardCharsets.UTF_8), MixnodePresence.class),
                    bad);
            assertEquals(DirectoryException.Kind.JSON, e.kind());
        }
    }
}
