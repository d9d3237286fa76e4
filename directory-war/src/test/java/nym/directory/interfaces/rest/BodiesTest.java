package nym.directory.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.AuthoritySet;
import nym.directory.api.GatewayPresence;
import nym.directory.api.Keys;
import nym.directory.api.MixnodePresence;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;

class BodiesTest {

    private static ByteArrayInputStream in(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void read_withinLimit_returnsBytes() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, Bodies.read(new ByteArrayInputStream(body), body.length, 100));
    }

    @Test
    void read_overLimitUndeclared_413AfterDraining() {
        ByteArrayInputStream stream = in(5000);
        ProblemException e = assertThrows(ProblemException.class, () -> Bodies.read(stream, -1, 1000));
        assertEquals(413, e.status());
        assertEquals(0, stream.available(), "an oversized body is drained so the client reads the answer");
    }

    @Test
    void read_declaredFarOverLimit_413WithoutReading() {
        assertEquals(
                413,
                assertThrows(ProblemException.class, () -> Bodies.read(in(10), 100L << 20, 1000))
                        .status());
    }

    @Test
    void read_empty_400() {
        assertEquals(
                400,
                assertThrows(ProblemException.class, () -> Bodies.read(in(0), 0, 1000))
                        .status());
    }

    @Test
    void json_notAnObjectOrMalformed_400() {
        for (String bad : new String[] {"[1]", "1", "\"x\"", "{\"layer\":", "{\"layer\":\"x\"}", "null", "   "}) {
            ProblemException e = assertThrows(
                    ProblemException.class,
                    () -> Bodies.json(bad.getBytes(StandardCharsets.UTF_8), MixnodePresence.class),
                    bad);
            assertEquals(400, e.status(), bad);
        }
    }

    @Test
    void hostPort_validForms_accepted() {
        for (String ok : new String[] {"127.0.0.1:1789", "node-1.example.org:443", "[::1]:8080", "[2001:db8::1]:1"}) {
            assertEquals(ok, Bodies.hostPort(ok, "host"));
        }
    }

    @Test
    void hostPort_invalidForms_400() {
        for (String bad : new String[] {
            "", "host", "host:", ":80", "host:0", "host:65536", "host:80/x", "a b:1", "-host:1", "host:123456"
        }) {
            assertThrows(ProblemException.class, () -> Bodies.hostPort(bad, "host"), bad);
        }
    }

    @Test
    void text_controlCharactersOrTooLong_400() {
        assertThrows(ProblemException.class, () -> Bodies.text("a\nb", "version", 64));
        assertThrows(ProblemException.class, () -> Bodies.text("x".repeat(65), "version", 64));
        assertEquals("Zürich, CH", Bodies.text("Zürich, CH", "location", 64));
    }

    private static final String GATEWAY =
            "{\"clientListener\":\"a:1\",\"mixnetListener\":\"a:2\",\"identityKey\":\"k\"";
    private static final String MIXNODE = "{\"host\":\"h:1\",\"identityKey\":\"k\",\"sphinxKeys\":[]";

    @Test
    void json_gatewayPresence_read() {
        GatewayPresence p = Bodies.json((GATEWAY + "}").getBytes(StandardCharsets.UTF_8), GatewayPresence.class);
        assertEquals("a:2", p.mixnetListener());
    }

    @Test
    void json_gatewayPresenceWithRegisteredClients_400NamingTheField() {
        // a gateway must not publish its clients (issue 17): the retired field is refused whatever its value
        for (String value : new String[] {"[\"alice\",\"bob\"]", "[]", "null"}) {
            byte[] body = (GATEWAY + ",\"registeredClients\":" + value + "}").getBytes(StandardCharsets.UTF_8);
            ProblemException e =
                    assertThrows(ProblemException.class, () -> Bodies.json(body, GatewayPresence.class), value);
            assertEquals(400, e.status(), value);
            assertTrue(e.getMessage().contains("registeredClients is no longer accepted"), e.getMessage());
        }
    }

    @Test
    void json_registeredClientsInAnotherBody_ignoredAsUnknown() {
        // the field is retired from gateway presences only; other bodies keep ignoring unknown fields
        byte[] body = "{\"host\":\"h:1\",\"registeredClients\":[]}".getBytes(StandardCharsets.UTF_8);
        assertEquals("h:1", Bodies.json(body, MixnodePresence.class).host());
    }

    @Test
    void json_mixnodePresenceWithLayer_400NamingTheField() {
        // the authorities assign layers (issue 18): a node that still names one must be upgraded
        for (String value : new String[] {"1", "null"}) {
            byte[] body = (MIXNODE + ",\"layer\":" + value + "}").getBytes(StandardCharsets.UTF_8);
            ProblemException e =
                    assertThrows(ProblemException.class, () -> Bodies.json(body, MixnodePresence.class), value);
            assertEquals(400, e.status(), value);
            assertTrue(e.getMessage().contains("layer is no longer accepted"), e.getMessage());
        }
    }

    @Test
    void json_presenceWithTheOneLifelongSphinxKey_400NamingTheField() {
        byte[] mix = (MIXNODE + ",\"sphinxKey\":\"" + key() + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] gateway = (GATEWAY + ",\"sphinxKey\":\"" + key() + "\"}").getBytes(StandardCharsets.UTF_8);

        assertTrue(assertThrows(ProblemException.class, () -> Bodies.json(mix, MixnodePresence.class))
                .getMessage()
                .contains("sphinxKey is no longer accepted"));
        assertTrue(assertThrows(ProblemException.class, () -> Bodies.json(gateway, GatewayPresence.class))
                .getMessage()
                .contains("sphinxKey is no longer accepted"));
    }

    private static final long EPOCH = 1000;
    private static final AuthoritySet AUTHORITIES =
            TestAuthorities.threeOfWhichTwo().set();

    @Test
    void sphinxKeys_currentAndNextTwoWithAProofPerAuthority_accepted() {
        List<AnnouncedKey> keys = List.of(announced(EPOCH), announced(EPOCH + 1), announced(EPOCH + 2));

        assertEquals(keys, Bodies.sphinxKeys(keys, EPOCH, Optional.of(AUTHORITIES)));
    }

    @Test
    void sphinxKeys_epochsAtTheEdgesOfTheWindow_accepted() {
        List<AnnouncedKey> keys = List.of(announced(EPOCH - 1), announced(EPOCH + 3));

        assertEquals(keys, Bodies.sphinxKeys(keys, EPOCH, Optional.of(AUTHORITIES)));
    }

    @Test
    void sphinxKeys_missingEmptyOrMoreThanFour_400() {
        List<AnnouncedKey> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(announced(EPOCH - 1 + i));
        }
        assertRefused(null, "sphinxKeys is missing");
        assertRefused(List.of(), "sphinxKeys is missing");
        assertRefused(five, "at most 4");
    }

    @Test
    void sphinxKeys_epochOutsideTheWindow_400NamingIt() {
        assertRefused(List.of(announced(EPOCH - 2)), "sphinxKeys[0].epoch 998 is outside 999..1003");
        assertRefused(List.of(announced(EPOCH), announced(EPOCH + 4)), "sphinxKeys[1].epoch 1004 is outside");
    }

    @Test
    void sphinxKeys_sameEpochTwiceOrSameKeyTwice_400() {
        AnnouncedKey k = announced(EPOCH);
        assertRefused(List.of(k, announced(EPOCH)), "announced twice");
        assertRefused(List.of(k, new AnnouncedKey(EPOCH + 1, k.key(), k.proofs())), "announced for two epochs");
    }

    @Test
    void sphinxKeys_malformedKey_400() {
        assertRefused(List.of(new AnnouncedKey(EPOCH, "short", proofs())), "sphinxKeys[0].key");
        assertRefused(List.of(new AnnouncedKey(EPOCH, null, proofs())), "sphinxKeys[0].key is missing");
    }

    @Test
    void sphinxKeys_proofsMissingForAnUnknownAuthorityOrMalformedTag_400() {
        Map<String, String> stranger = new LinkedHashMap<>(proofs());
        stranger.remove(AUTHORITIES.keys().get(2));
        stranger.put(key(), tag());
        Map<String, String> badTag = new LinkedHashMap<>(proofs());
        badTag.put(AUTHORITIES.keys().get(0), "not-a-tag");

        assertRefused(List.of(new AnnouncedKey(EPOCH, key(), null)), "sphinxKeys[0].proofs is missing");
        assertRefused(List.of(new AnnouncedKey(EPOCH, key(), stranger)), "not a pinned authority");
        assertRefused(List.of(new AnnouncedKey(EPOCH, key(), badTag)), "tag for");
    }

    @Test
    void sphinxKeys_moreProofsThanAuthorities_400() {
        AuthoritySet two = new AuthoritySet(AUTHORITIES.keys().subList(0, 2), 1, 3600);

        ProblemException e = assertThrows(
                ProblemException.class,
                () -> Bodies.sphinxKeys(List.of(new AnnouncedKey(EPOCH, key(), proofs())), EPOCH, Optional.of(two)));
        assertTrue(e.getMessage().contains("at most 2"), e.getMessage());
    }

    @Test
    void sphinxKeys_noAuthoritiesKnown_anyWellFormedAuthorityKeyAccepted() {
        Map<String, String> anyone = Map.of(key(), tag());
        List<AnnouncedKey> keys = List.of(new AnnouncedKey(EPOCH, key(), anyone));

        assertEquals(keys, Bodies.sphinxKeys(keys, EPOCH, Optional.empty()));
    }

    private static void assertRefused(List<AnnouncedKey> keys, String detailPart) {
        ProblemException e = assertThrows(
                ProblemException.class, () -> Bodies.sphinxKeys(keys, EPOCH, Optional.of(AUTHORITIES)), detailPart);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(detailPart), e.getMessage());
    }

    private static AnnouncedKey announced(long epoch) {
        return new AnnouncedKey(epoch, key(), proofs());
    }

    /** One well-formed tag per pinned authority (the directory checks their form; the authorities check the MACs). */
    private static Map<String, String> proofs() {
        Map<String, String> proofs = new LinkedHashMap<>();
        for (String authority : AUTHORITIES.keys()) {
            proofs.put(authority, tag());
        }
        return proofs;
    }

    private static String key() {
        return Keys.encode(random(Keys.PUBLIC_KEY_BYTES));
    }

    private static String tag() {
        return Keys.encode(random(16));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
