package nym.directory.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nym.directory.api.GatewayPresence;
import nym.directory.api.MixnodePresence;
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
}
