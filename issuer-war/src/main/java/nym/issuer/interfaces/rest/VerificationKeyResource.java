package nym.issuer.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import nym.issuer.application.IssuerRole;
import nym.issuer.domain.IssuerKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * This authority's verification key share of a key epoch, with that epoch's group key and the Coconut parameters:
 * the latest completed key epoch, or the one asked for.
 */
@Path("/verification-key")
public class VerificationKeyResource {

    /** Coconut text forms: (i, vk_i) and the group vk of key epoch {@code key_epoch}, the parameters (q = 3). */
    public record VerificationKeyView(
            int authority,

            @JsonbProperty("key_epoch") @Schema(description = "the key epoch these keys belong to")
            long keyEpoch,

            String verificationKeyShare,
            String verificationKey,
            String parameters) {}

    @Inject
    IssuerRole role;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "verificationKey",
            summary = "This authority's verification key share (i, vk_i), the group key and the parameters of a key"
                    + " epoch",
            description = "Without key_epoch: the latest completed key epoch (503 while this authority waits for"
                    + " key generation). The keys are the ledger's (/dkg/completed), which a careful holder reads"
                    + " there too.")
    @APIResponse(
            responseCode = "200",
            description = "The keys, naming their key epoch",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VerificationKeyView.class)))
    @APIResponse(
            responseCode = "400",
            description = "key_epoch is not a number ≥ 1",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "This authority holds no share of that key epoch (unknown, not completed, or failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "This instance plays no issuer role, its role failed, or it waits for key generation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verificationKey(
            @Parameter(description = "a key epoch (≥ 1); default: the latest completed one") @QueryParam("key_epoch")
                    String keyEpoch) {
        if (!role.serving()) {
            return Problem.response(503, "issuer role " + role.state());
        }
        Optional<IssuerKeys> keys;
        if (keyEpoch == null) {
            keys = role.keys();
            if (keys.isEmpty()) {
                return Problem.response(503, "issuer role " + role.state());
            }
        } else {
            long asked;
            try {
                asked = Long.parseLong(keyEpoch);
            } catch (NumberFormatException e) {
                asked = 0;
            }
            if (asked < 1) {
                return Problem.response(400, "key_epoch must be a number ≥ 1");
            }
            keys = role.keys(asked);
            if (keys.isEmpty()) {
                return Problem.response(404, "authority " + role.authority() + " holds no share of key epoch " + asked);
            }
        }
        IssuerKeys k = keys.get();
        return Response.ok(new VerificationKeyView(
                        k.authority(),
                        k.keyEpoch(),
                        k.share().toText(),
                        k.aggregated().toText(),
                        k.params().toText()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
