package nym.mixnode.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nym.directory.api.testing.TestAuthorities;
import nym.link.LinkException;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.gateway.GatewayCounters;
import nym.mixnode.gateway.GatewayCounters.SessionRefusal;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.pki.DocumentRefusals;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private static NodeMetrics.Snapshot snapshot() {
        NodeMetrics m = new NodeMetrics();
        m.received();
        m.received();
        m.sent();
        m.sent();
        m.sent();
        m.dropped(DropReason.REPLAY);
        m.linkFailed(LinkException.Kind.UNAUTHORIZED_PEER);
        return m.snapshot();
    }

    @Test
    void render_snapshot_everyFamilyTypedSentInTotalEveryReasonAndLinkFailureKindListed() {
        String text = PrometheusEndpoint.render(snapshot(), new DocumentRefusals(), ReplayFilterGauges.NONE, null);

        assertTrue(text.contains("# TYPE nym_mixnode_packets_received_total counter\n"), text);
        assertTrue(text.contains("\nnym_mixnode_packets_received_total 2\n"), text);
        assertTrue(text.contains("\nnym_mixnode_packets_sent_total 3\n"), text);
        assertFalse(text.contains("next_hop=\""), "no per-link label: " + text);
        assertTrue(text.contains("nym_mixnode_packets_dropped_total{reason=\"replay\"} 1\n"), text);
        for (DropReason reason : DropReason.values()) {
            assertTrue(text.contains("{reason=\"" + reason.name().toLowerCase(Locale.ROOT) + "\"}"), text);
        }
        assertTrue(text.contains("\nnym_mixnode_packets_delivered_total 0\n"), text);
        assertTrue(text.contains("# TYPE nym_mixnode_link_failures_total counter\n"), text);
        assertTrue(text.contains("nym_mixnode_link_failures_total{kind=\"unauthorized_peer\"} 1\n"), text);
        for (LinkException.Kind kind : LinkException.Kind.values()) {
            assertTrue(text.contains("{kind=\"" + kind.name().toLowerCase(Locale.ROOT) + "\"}"), text);
        }
        assertFalse(text.contains("nym_gateway_"), "a mix node has no gateway families: " + text);
    }

    @Test
    void render_replayFilters_gaugesPerKeyEpochAndRefusedFilesCounted() {
        ReplayFilterGauges replay = new ReplayFilterGauges(
                List.of(
                        new ReplayFilterGauges.Filter(7, 0.25, 0.25 * 0.25, 10, 100, false),
                        new ReplayFilterGauges.Filter(8, 0.75, 0.5625, 300, 100, true)),
                2);

        String text = PrometheusEndpoint.render(snapshot(), new DocumentRefusals(), replay, null);

        assertTrue(text.contains("# TYPE nym_mixnode_replay_filter_fill_ratio gauge\n"), text);
        assertTrue(text.contains("nym_mixnode_replay_filter_fill_ratio{key_epoch=\"7\"} 0.25\n"), text);
        assertTrue(text.contains("nym_mixnode_replay_filter_false_positive_rate{key_epoch=\"8\"} 0.5625\n"), text);
        assertTrue(text.contains("nym_mixnode_replay_filter_packets{key_epoch=\"8\"} 300.0\n"), text);
        assertTrue(text.contains("nym_mixnode_replay_filter_capacity{key_epoch=\"7\"} 100.0\n"), text);
        assertTrue(text.contains("nym_mixnode_replay_filter_saturated{key_epoch=\"7\"} 0.0\n"), text);
        assertTrue(text.contains("nym_mixnode_replay_filter_saturated{key_epoch=\"8\"} 1.0\n"), text);
        assertTrue(text.contains("# TYPE nym_mixnode_replay_filter_files_refused_total counter\n"), text);
        assertTrue(text.contains("\nnym_mixnode_replay_filter_files_refused_total 2\n"), text);
    }

    @Test
    void render_gatewayCounters_everyGatewayFamilyTypedWithEveryKindAndReasonListed() {
        String text = PrometheusEndpoint.render(
                snapshot(), new DocumentRefusals(), ReplayFilterGauges.NONE, new GatewayCounters());

        for (String family : List.of(
                "nym_gateway_client_link_failures_total",
                "nym_gateway_sessions_refused_total",
                "nym_gateway_inboxes_expired_total",
                "nym_gateway_storage_busy_total",
                "nym_gateway_spends_total",
                "nym_gateway_deposits_total",
                "nym_gateway_bandwidth_granted_bytes_total",
                "nym_gateway_bandwidth_taken_back_bytes_total")) {
            assertTrue(text.contains("# TYPE " + family + " counter\n"), text);
        }
        for (LinkException.Kind kind : LinkException.Kind.values()) {
            assertTrue(
                    text.contains("nym_gateway_client_link_failures_total{kind=\""
                            + kind.name().toLowerCase(Locale.ROOT) + "\"} 0\n"),
                    text);
        }
        for (SessionRefusal reason : SessionRefusal.values()) {
            assertTrue(
                    text.contains("nym_gateway_sessions_refused_total{reason=\""
                            + reason.name().toLowerCase(Locale.ROOT) + "\"} 0\n"),
                    text);
        }
        assertTrue(text.contains("\nnym_gateway_inboxes_expired_total 0\n"), text);
        assertTrue(text.contains("\nnym_gateway_storage_busy_total 0\n"), text);
        assertTrue(text.contains("\nnym_gateway_spends_total{outcome=\"double_spend\"} 0\n"), text);
        assertTrue(text.contains("\nnym_gateway_deposits_total{outcome=\"rejected\"} 0\n"), text);
        assertTrue(
                text.startsWith(
                        PrometheusEndpoint.render(snapshot(), new DocumentRefusals(), ReplayFilterGauges.NONE, null)),
                "the node's families first: " + text);
    }

    @Test
    void start_nodeListeningOnEveryInterface_metricsBindLoopbackByDefault() throws Exception {
        MixNodeConfig config = MixNodeConfig.builder(
                        NodeMode.MIX, NodeKeys.fromSeed("m"), URI.create("http://127.0.0.1:1"), Path.of("data"))
                .authorities(TestAuthorities.threeOfWhichTwo().set())
                .listenHost("0.0.0.0")
                .build();
        assertEquals("127.0.0.1", config.metricsHost());
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                config.metricsHost(),
                0,
                PrometheusEndpointTest::snapshot,
                new DocumentRefusals(),
                () -> ReplayFilterGauges.NONE,
                null)) {
            assertTrue(
                    endpoint.address().getAddress().isLoopbackAddress(),
                    endpoint.address().toString());
        }
    }

    @Test
    void escape_quoteBackslashNewline_escapedAsTheTextFormatRequires() {
        assertEquals("a\\\\b\\\"c\\nd", PrometheusEndpoint.escape("a\\b\"c\nd"));
    }

    @Test
    void http_onlyGetOfMetricsIsServed() throws Exception {
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                "127.0.0.1",
                0,
                PrometheusEndpointTest::snapshot,
                new DocumentRefusals(),
                () -> ReplayFilterGauges.NONE,
                null)) {
            HttpClient client = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + endpoint.address().getPort());

            HttpResponse<String> ok = client.send(
                    HttpRequest.newBuilder(base.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = client.send(
                    HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = client.send(
                    HttpRequest.newBuilder(base.resolve("/metrics"))
                            .POST(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, ok.statusCode());
            assertEquals(
                    PrometheusEndpoint.CONTENT_TYPE,
                    ok.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    PrometheusEndpoint.render(snapshot(), new DocumentRefusals(), ReplayFilterGauges.NONE, null),
                    ok.body());
            assertEquals(404, other.statusCode());
            assertEquals(405, post.statusCode());
            assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        }
    }
}
