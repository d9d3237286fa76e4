package nym.issuer.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nym.issuer.application.IssuanceService;
import nym.issuer.application.IssuerRole;
import nym.issuer.domain.PartialCredential;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A holder fetches this authority's partial credential for its ledger credential request. */
@Path("/partial-credentials")
public class PartialCredentialResource {

    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Body of a 200: σ̃_i in Coconut's text form, to unblind with the holder's ElGamal key, and the key epoch whose
     * share signed it (check it against that epoch's vk_i; aggregate only partials of one key epoch).
     */
    public record PartialCredentialView(
            String requestId,
            int authority,
            long value,
            String blindedSignature,
            String eventId,

            @JsonbProperty("key_epoch")
            @Schema(description = "the key epoch whose share signed it (the request event's key_epoch)")
            long keyEpoch) {}

    @Inject
    IssuerRole role;

    @Inject
    IssuanceService issuance;

    @GET
    @Path("/{requestId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "partialCredential",
            summary = "This authority's blinded signature share σ̃_i for a ledger credential request",
            description = "requestId is the request transaction's hash (the ledger's request_id). The holder unblinds"
                    + " σ̃_i, checks it against the share of GET /verification-key?key_epoch=<key_epoch>, and"
                    + " aggregates t of them of the same key_epoch.")
    @APIResponse(
            responseCode = "200",
            description = "Issued",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartialCredentialView.class)))
    @APIResponse(
            responseCode = "400",
            description = "requestId is not 64 hex digits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Not issued (yet): the request has not reached this authority, this authority does not hold"
                    + " the share of its key epoch yet, or there is no such request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Refused for good (detail says why, e.g. π_s does not verify)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "This instance plays no issuer role, or its role failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response partialCredential(
            @Parameter(
                            description = "64 hex digits, case-insensitive",
                            example = "3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F3F")
                    @PathParam("requestId")
                    String requestId) {
        if (!REQUEST_ID.matcher(requestId).matches()) {
            return Problem.response(400, "requestId must be 64 hex digits (a tx hash)");
        }
        if (!role.serving()) {
            return Problem.response(503, "issuer role " + role.state());
        }
        String id = requestId.toUpperCase(Locale.ROOT);
        Optional<PartialCredential> record = issuance.partialCredential(id);
        if (record.isEmpty()) {
            return Problem.response(
                    404, "authority " + role.authority() + " has not issued a partial credential for " + id + " (yet)");
        }
        PartialCredential c = record.get();
        if (!c.isIssued()) {
            return Problem.response(
                    Problem.UNPROCESSABLE,
                    "authority " + c.authority() + " refused " + id + ": "
                            + c.refusal().orElseThrow());
        }
        return Response.ok(new PartialCredentialView(
                        c.requestId(),
                        c.authority(),
                        c.value(),
                        c.blindedSignature().orElseThrow(),
                        c.eventId(),
                        c.keyEpoch()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
