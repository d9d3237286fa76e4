package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixMetricsReport;
import nym.directory.api.MixMetricsWindow;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.application.MetricsService;
import nym.directory.domain.metrics.MetricsReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Mix node traffic reports: signed posts, the last complete window, and (through {@code /ws}) the live stream. A report
 * is one window's aggregates (received, sent in total, dropped by reason): no per-link split, no client ids or counts.
 */
@ApplicationScoped
@Path("/metrics")
public class MetricsResource {

    @Inject
    MetricsService metrics;

    @Inject
    SignedBodyReader signedBodies;

    @POST
    @Path("/mixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "reportMixMetrics",
            summary = "A mix node's traffic in one metrics window (aggregates only), signed by its identity key;"
                    + " pushed to /ws subscribers")
    @RequestBody(content = @Content(schema = @Schema(ref = "MixMetrics")))
    @APIResponse(
            responseCode = "200",
            description = "Accepted, as stored",
            content = @Content(schema = @Schema(ref = "MixMetricsReport")))
    @APIResponse(
            responseCode = "404",
            description = "No mix node with this identity key has sent a presence",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "SignatureRefused")
    @APIResponse(responseCode = "403", ref = "Banned")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "NotJson")
    public MixMetricsReport post(
            InputStream in,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @HeaderParam(Signing.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(Signing.SIGNATURE_HEADER) String signature) {
        SignedBody<MixMetrics> signed = signedBodies.read(
                Paths.MIX_METRICS, in, length, timestamp, signature, MixMetrics.class, MixMetrics::identityKey);
        MetricsBodies.Counts c = MetricsBodies.check(signed.value());
        return toApi(metrics.accept(
                signed.identityKey(), c.received(), c.sent(), c.dropped(), c.intervalMillis(), signed.signedAt()));
    }

    @GET
    @Path("/mixes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "mixMetricsWindow",
            summary = "Reports accepted in the last complete metrics window (windows aligned to their length)")
    @APIResponse(
            responseCode = "200",
            description = "The window and its reports, oldest first",
            content = @Content(schema = @Schema(ref = "MixMetricsWindow")))
    public MixMetricsWindow window() {
        MetricsService.Window w = metrics.lastCompleteWindow();
        return new MixMetricsWindow(
                w.from(),
                w.to(),
                w.reports().stream().map(MetricsResource::toApi).toList());
    }

    static MixMetricsReport toApi(MetricsReport r) {
        return new MixMetricsReport(
                r.identityKey(), r.received(), r.sent(), r.dropped(), r.intervalMillis(), r.acceptedAt());
    }
}
