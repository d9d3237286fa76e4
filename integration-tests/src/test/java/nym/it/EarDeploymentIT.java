package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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

    @Test
    void openapi_deployed_documentsDirectoryEndpoints() throws Exception {
        HttpResponse<String> response = Http.get(TestEnvironment.das(), "/openapi");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("title: Nym directory"), response.body());
        assertTrue(response.body().contains("/api/healthcheck:"), response.body());
        assertTrue(response.body().contains("/api/cluster/members:"), response.body());
    }
}
