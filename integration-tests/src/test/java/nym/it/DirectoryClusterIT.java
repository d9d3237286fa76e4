package nym.it;

import static nym.it.DirectoryProbe.awaitTopology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directory across the deployment group: payara-config deploys the EAR to the group (DeploymentGroupIT has
 * stopped it by the time this runs), then a heartbeat sent to instance 1 shows in the live view of instances 2 and 3
 * with its Sphinx key for the epoch, a request replayed to another instance is refused, a metrics report posted to
 * instance 1 reaches a WebSocket
 * subscriber of instance 2 (Payara's data grid), and the dashboard of instance 2 works in a headless browser.
 */
class DirectoryClusterIT {

    @BeforeAll
    static void deployToGroup() throws Exception {
        PayaraScript.run("deploy", TestEnvironment.ear().toString());
    }

    @AfterAll
    static void undeployAndStopGroup() throws Exception {
        PayaraScript.run("undeploy");
        PayaraScript.run("asadmin", "stop-deployment-group", "nym");
    }

    @Test
    void heartbeatToInstance1_liveViewOfInstances2And3_showsItWithItsKeyForTheEpoch() throws Exception {
        URI one = TestEnvironment.instance(1);
        SignedNode node = new SignedNode();
        String host = "127.0.0.1:" + (20000 + ThreadLocalRandom.current().nextInt(20000));

        HttpResponse<String> r = node.post(one, "/api/presence/mixnodes", node.mixnodeJson(host));

        assertEquals(204, r.statusCode(), r.body());
        for (int i = 2; i <= TestEnvironment.instances(); i++) {
            String body = awaitTopology(
                            TestEnvironment.instance(i), b -> b.contains(node.key()), Duration.ofSeconds(15))
                    .body();
            long epoch = Long.parseLong(body.replaceAll("(?s).*\"epoch\":(\\d+).*", "$1"));
            assertTrue(body.contains(node.sphinxKey(epoch)), "instance " + i + ": " + body);
        }
    }

    @Test
    void replayToAnotherInstance_refused() throws Exception {
        SignedNode node = new SignedNode();
        byte[] body = DirectoryProbe.utf8(node.mixnodeJson(
                "127.0.0.1:" + (40000 + ThreadLocalRandom.current().nextInt(20000))));
        long ts = System.currentTimeMillis();
        String sig = node.sign("/api/presence/mixnodes", ts, body);

        HttpResponse<String> first = SignedNode.send(
                TestEnvironment.instance(1),
                "/api/presence/mixnodes",
                body,
                Long.toString(ts),
                sig,
                "application/json");
        HttpResponse<String> replay = SignedNode.send(
                TestEnvironment.instance(2),
                "/api/presence/mixnodes",
                body,
                Long.toString(ts),
                sig,
                "application/json");

        assertEquals(204, first.statusCode(), first.body());
        DirectoryApiIT.assertProblem(replay, 409, "not newer");
    }

    @Test
    void metricsPostedToInstance1_reachWebSocketSubscriberOfInstance2() throws Exception {
        URI one = TestEnvironment.instance(1);
        SignedNode node = new SignedNode();
        String host = "127.0.0.1:" + (20000 + ThreadLocalRandom.current().nextInt(20000));
        assertEquals(
                204,
                node.post(one, "/api/presence/mixnodes", node.mixnodeJson(host)).statusCode());
        DirectoryProbe.Subscriber ws = DirectoryProbe.Subscriber.open(TestEnvironment.instance(2));
        try {
            String metrics = "{\"identityKey\":\"" + node.key() + "\",\"received\":7,\"sent\":7,"
                    + "\"dropped\":{\"replay\":1},\"intervalMillis\":60000}";

            HttpResponse<String> r = node.post(one, "/api/metrics/mixes", metrics);

            assertEquals(200, r.statusCode(), r.body());
            String pushed = ws.await(node.key(), Duration.ofSeconds(15));
            assertTrue(pushed.contains("\"received\":7"), pushed);
        } finally {
            ws.close();
        }
    }

    @Test
    void dashboardOfInstance2_headlessChromium_showsEpochActiveSetRegisteredNodeAndLiveMetrics() throws Exception {
        String output = DashboardBrowser.run(TestEnvironment.instance(2));

        assertTrue(output.contains("dashboard shows epoch"), output);
        assertTrue(output.contains("time left counts down"), output);
        assertTrue(output.contains("dashboard shows the registered node in the live view"), output);
        assertTrue(output.contains("dashboard updated from the metrics stream"), output);
    }
}
