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
import java.util.LinkedHashMap;
import java.util.Map;
import nym.directory.api.MixMetrics;
import nym.directory.api.MixMetricsReport;
import nym.directory.api.MixMetricsWindow;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.application.MetricsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Mix node traffic reports: signed posts, the last complete window, and (through {@code /ws}) the live stream. */
@ApplicationScoped
@Path("/metrics")
@Tag(name = "metrics")
public class MetricsResource {

    static final int MAX_HOPS = 1000;

    @Inject
    MetricsService metrics;

    @Inject
    SignedBodyReader signedBodies;

    @POST
    @Path("/mixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "A mix node's traffic in one interval, signed by its identity key; pushed to /ws subscribers")
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
        MixMetrics m = signed.value();
        String key = signed.identityKey();
        long signedAt = signed.signedAt();
        if (m.received() == null || m.received() < 0) {
            throw new ProblemException(400, "received must be a count >= 0");
        }
        long interval = m.intervalMillis() == null ? 0 : m.intervalMillis();
        if (interval < 0 || interval > 3_600_000) {
            throw new ProblemException(400, "intervalMillis must be 0..3600000");
        }
        Map<String, Long> sent = new LinkedHashMap<>();
        if (m.sent() != null) {
            if (m.sent().size() > MAX_HOPS) {
                throw new ProblemException(400, "sent has more than " + MAX_HOPS + " next hops");
            }
            for (Map.Entry<String, Long> e : m.sent().entrySet()) {
                Bodies.hostPort(e.getKey(), "sent key");
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new ProblemException(400, "sent counts must be >= 0");
                }
                sent.put(e.getKey(), e.getValue());
            }
        }
        var r = metrics.accept(key, m.received(), sent, interval, signedAt);
        return new MixMetricsReport(r.identityKey(), r.received(), r.sent(), r.intervalMillis(), r.acceptedAt());
    }

    @GET
    @Path("/mixes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reports accepted in the last complete metrics window (windows aligned to their length)")
    @APIResponse(
            responseCode = "200",
            description = "The window and its reports, oldest first",
            content = @Content(schema = @Schema(ref = "MixMetricsWindow")))
    public MixMetricsWindow window() {
        MetricsService.Window w = metrics.lastCompleteWindow();
        return new MixMetricsWindow(
                w.from(),
                w.to(),
                w.reports().stream()
                        .map(r -> new MixMetricsReport(
                                r.identityKey(), r.received(), r.sent(), r.intervalMillis(), r.acceptedAt()))
                        .toList());
    }
}
