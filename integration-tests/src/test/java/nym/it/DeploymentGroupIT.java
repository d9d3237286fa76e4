package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster check: payara-config deploys the EAR to the deployment group, and every instance answers health,
 * OpenAPI and the directory, on one shared database. No Arquillian connector deploys to a group, so this drives
 * the same script operators use.
 */
class DeploymentGroupIT {

    @BeforeAll
    static void deployToGroup() throws Exception {
        payara("deploy", TestEnvironment.ear().toString());
    }

    @AfterAll
    static void undeployAndStopGroup() throws Exception {
        payara("undeploy");
        payara("asadmin", "stop-deployment-group", "nym");
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
                String member = "\"authority\":" + i + ",\"instanceName\":\"" + instanceName(i) + "\"";
                assertTrue(body.contains(member), instance + " does not list " + member + ": " + body);
            }
        }
    }

    private static String instanceName(int i) {
        return System.getenv().getOrDefault("NYM_DOMAIN", "nym") + "-" + i;
    }

    /** Runs payara-config's script with this process's environment (the test domain's), failing on a non-zero exit. */
    private static void payara(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(TestEnvironment.payaraScript().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "nym-payara " + String.join(" ", args) + " hung");
        assertEquals(0, process.exitValue(), "nym-payara " + String.join(" ", args) + " failed:\n" + output);
    }
}
