package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real EAR, deployed by Arquillian to the DAS, seen as a client sees it. */
@ExtendWith(ArquillianExtension.class)
class EarDeploymentIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, TestEnvironment.ear().toFile());
    }

    @Test
    void healthcheck_deployed_answersOk() throws Exception {
        HttpResponse<String> response = Http.get(TestEnvironment.das(), "/api/healthcheck");

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\"}", response.body());
    }

    @Test
    void health_databaseReachable_reportsUpWithDatabaseCheck() throws Exception {
        HttpResponse<String> response = Http.get(TestEnvironment.das(), "/health/ready");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"name\":\"database\",\"status\":\"UP\""), response.body());
    }

    /**
     * Payara merges the OpenAPI documents of the EAR's three WARs into one; module openapi's filter makes it the
     * network's: each path from the instance root (with its WAR's context root), one title, the directory's tag with
     * its description.
     */
    @Test
    void openapi_deployed_documentsTheEndpointsOfEveryWar() throws Exception {
        HttpResponse<String> response = Http.get(TestEnvironment.das(), "/openapi");

        assertEquals(200, response.statusCode());
        String body = response.body();
        assertTrue(body.contains("Presence, PKI and topology of the Nym mixnet"), body);
        assertTrue(body.contains("title: Nym network API"), body);
        for (String path : List.of(
                "/api/healthcheck:",
                "/api/cluster/members:",
                "/api/presence/topology:",
                "/issuer/api/partial-credentials/{requestId}:",
                "/provider/api/providers/{provider}/spends:")) {
            assertTrue(body.contains(path), path + " in " + body);
        }
        assertTrue(!body.contains("url: http"), "no server per WAR, calls go to the instance root: " + body);
    }
}
