package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Optional;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixMetricsReport;
import nym.directory.api.MixMetricsWindow;
import nym.directory.api.MixTrafficHistory;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.application.MetricsService;
import nym.directory.application.TrafficHistoryService;
import nym.directory.domain.metrics.MetricsReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    @Inject
    TrafficHistoryService history;

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

    @GET
    @Path("/history")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "mixTrafficHistory",
            summary = "Per-minute sums of the reports accepted in the last minutes (received, sent, dropped by reason),"
                    + " of all mix nodes or of one, and each node's totals and reliability over the range")
    @APIResponse(
            responseCode = "200",
            description = "One bucket per minute, oldest first, the minute running now last",
            content = @Content(schema = @Schema(ref = "MixTrafficHistory")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public MixTrafficHistory history(
            @Parameter(description = "how many minutes, 1.." + TrafficHistoryService.MAX_MINUTES)
                    @QueryParam("minutes")
                    @DefaultValue("60")
                    String minutes,
            @Parameter(description = "only this mix node: its identity key, unpadded base64url") @QueryParam("node")
                    String node) {
        int count;
        try {
            count = Integer.parseInt(minutes);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "minutes must be a whole number 1.." + TrafficHistoryService.MAX_MINUTES);
        }
        Optional<String> only = Optional.ofNullable(node);
        if (only.isPresent()) {
            try {
                Keys.decode(node, Keys.PUBLIC_KEY_BYTES, "node");
            } catch (DirectoryException e) {
                throw new ProblemException(400, e.getMessage());
            }
        }
        try {
            return history.lastMinutes(count, only);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, e.getMessage());
        }
    }

    static MixMetricsReport toApi(MetricsReport r) {
        return new MixMetricsReport(
                r.identityKey(), r.received(), r.sent(), r.dropped(), r.intervalMillis(), r.acceptedAt());
    }
}
