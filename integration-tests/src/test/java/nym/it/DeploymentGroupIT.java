package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cluster check: payara-config deploys the EAR to the deployment group ({@link AuthorityGroup#shared}), and
 * every instance answers health, OpenAPI and the directory, on one shared database. No Arquillian connector deploys
 * to a group, so this drives the same script operators use.
 */
@Tag("group")
class DeploymentGroupIT {

    @BeforeAll
    static void deployToGroup() throws Exception {
        AuthorityGroup.shared();
    }

    private static List<URI> instances() {
        return IntStream.rangeClosed(1, TestEnvironment.instances())
                .mapToObj(TestEnvironment::instance)
                .toList();
    }

    @Test
    void healthcheck_everyInstance_answersOk() throws Exception {
        for (URI instance : instances()) {
            HttpResponse<String> response = Http.get(instance, "/api/healthcheck");
            assertEquals(200, response.statusCode(), instance.toString());
        }
    }

    @Test
    void health_everyInstance_readyWithDatabase() throws Exception {
        for (URI instance : instances()) {
            HttpResponse<String> response = Http.get(instance, "/health/ready");
            assertEquals(200, response.statusCode(), instance + ": " + response.body());
            assertTrue(
                    response.body().contains("\"name\":\"database\",\"status\":\"UP\""),
                    instance + ": " + response.body());
        }
    }

    @Test
    void openapi_everyInstance_documentsTheDirectory() throws Exception {
        for (URI instance : instances()) {
            HttpResponse<String> response = Http.get(instance, "/openapi");
            assertEquals(200, response.statusCode(), instance.toString());
            assertTrue(response.body().contains("/api/healthcheck:"), instance + ": " + response.body());
        }
    }

    @Test
    void clusterMembers_everyInstance_seesAllInstancesWithTheirAuthorities() throws Exception {
        int n = TestEnvironment.instances();
        for (URI instance : instances()) {
            String body = Http.get(instance, "/api/cluster/members").body();
            for (int i = 1; i <= n; i++) {
                String member = "\"authority\":" + i + ",\"instanceName\":\"" + AuthorityGroup.instanceName(i) + "\"";
                assertTrue(body.contains(member), instance + " does not list " + member + ": " + body);
            }
        }
    }
}
