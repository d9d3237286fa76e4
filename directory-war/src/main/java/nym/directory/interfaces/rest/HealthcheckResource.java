package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The cheapest answer the application gives: proof that this instance has the application deployed and serving.
 * Deeper checks (database) are MicroProfile Health's {@code /health/ready}.
 */
@ApplicationScoped
@Path("/healthcheck")
public class HealthcheckResource {

    /** Body of every answer. */
    public record Status(String status) {}

    private static final Status OK = new Status("ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "healthcheck", summary = "Liveness of this instance's directory application")
    @APIResponse(responseCode = "200", description = "The application is deployed and serving")
    public Status healthcheck() {
        return OK;
    }
}
