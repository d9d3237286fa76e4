package nym.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ResourceLeakDetector;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only the local user's programs pass: Host, Origin and secret checked on a connection's first request. */
class ApiAccessGuardTest {

    private static final String HOST = "127.0.0.1:1977";

    private final ApiSecret secret = ApiSecret.generate(new SecureRandom());
    private final AccessRefusals refusals = new AccessRefusals();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ApiAccessGuard(HOST, secret, refusals));

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private FullHttpRequest request(Map<String, String> headers) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/stats");
        headers.forEach((name, value) -> request.headers().set(name, value));
        return request;
    }

    private void assertRefused(FullHttpRequest request, AccessRefusals.Reason reason) {
        channel.writeInbound(request);
        assertNull(channel.readInbound(), "nothing passed on");
        assertEquals(0, request.refCnt(), "the refused request is released");
        FullHttpResponse response = channel.readOutbound();
        try {
            assertEquals(HttpResponseStatus.FORBIDDEN, response.status());
            String body = response.content().toString(StandardCharsets.UTF_8);
            assertTrue(body.contains(reason.explanation()), body);
        } finally {
            response.release();
        }
        assertFalse(channel.isOpen(), "the connection is closed");
        for (AccessRefusals.Reason r : AccessRefusals.Reason.values()) {
            assertEquals(r == reason ? 1 : 0, refusals.count(r), r.name());
        }
    }

    @Test
    void channelRead_localProgramWithTheSecret_passedOnAndGuardLeaves() {
        FullHttpRequest request = request(Map.of("Host", HOST, "Authorization", secret.authorization()));
        channel.writeInbound(request);
        FullHttpRequest passed = channel.readInbound();
        assertSame(request, passed);
        passed.release();
        assertNull(channel.pipeline().get(ApiAccessGuard.class), "WebSocket frames then go by unchecked");
        assertTrue(channel.isOpen());
        for (AccessRefusals.Reason r : AccessRefusals.Reason.values()) {
            assertEquals(0, refusals.count(r));
        }
    }

    @Test
    void channelRead_hostOfAnotherName_refusedWrongHost() {
        // DNS rebinding: a page's own name, resolving to 127.0.0.1
        assertRefused(
                request(Map.of("Host", "attacker.example:1977", "Authorization", secret.authorization())),
                AccessRefusals.Reason.WRONG_HOST);
    }

    @Test
    void channelRead_hostWithAnotherPort_refusedWrongHost() {
        assertRefused(
                request(Map.of("Host", "127.0.0.1:80", "Authorization", secret.authorization())),
                AccessRefusals.Reason.WRONG_HOST);
    }

    @Test
    void channelRead_noHost_refusedWrongHost() {
        assertRefused(request(Map.of("Authorization", secret.authorization())), AccessRefusals.Reason.WRONG_HOST);
    }

    @Test
    void channelRead_anyOrigin_refusedOrigin() {
        // even a page served from the API's own address: a browser is not one of the user's programs
        assertRefused(
                request(Map.of("Host", HOST, "Origin", "http://" + HOST, "Authorization", secret.authorization())),
                AccessRefusals.Reason.ORIGIN);
    }

    @Test
    void channelRead_nullOrigin_refusedOrigin() {
        assertRefused(
                request(Map.of("Host", HOST, "Origin", "null", "Authorization", secret.authorization())),
                AccessRefusals.Reason.ORIGIN);
    }

    @Test
    void channelRead_noSecret_refusedMissingSecret() {
        assertRefused(request(Map.of("Host", HOST)), AccessRefusals.Reason.MISSING_SECRET);
    }

    @Test
    void channelRead_secretOfAnotherRun_refusedWrongSecret() {
        ApiSecret previousRun = ApiSecret.generate(new SecureRandom());
        assertRefused(
                request(Map.of("Host", HOST, "Authorization", previousRun.authorization())),
                AccessRefusals.Reason.WRONG_SECRET);
    }

    @Test
    void channelRead_secretWithoutBearerScheme_refusedWrongSecret() {
        String bare = secret.authorization().substring("Bearer ".length());
        assertRefused(request(Map.of("Host", HOST, "Authorization", bare)), AccessRefusals.Reason.WRONG_SECRET);
    }

    @Test
    void hostHeader_ipv6Loopback_inBrackets() {
        assertEquals("[::1]:1977", ApiAccessGuard.hostHeader("::1", 1977));
        assertEquals("localhost:1977", ApiAccessGuard.hostHeader("localhost", 1977));
    }
}
