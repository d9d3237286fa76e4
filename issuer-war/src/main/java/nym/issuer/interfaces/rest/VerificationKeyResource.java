package nym.issuer.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nym.issuer.application.IssuerRole;
import nym.issuer.domain.IssuerKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** This authority's verification key share, with the network's aggregated key and the Coconut parameters. */
@Path("/verification-key")
@Tag(name = "issuer")
public class VerificationKeyResource {

    /** Coconut text forms: (i, vk_i), the aggregated vk, the parameters (q = 3). */
    public record VerificationKeyView(
            int authority, String verificationKeyShare, String verificationKey, String parameters) {}

    @Inject
    IssuerRole role;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "This authority's verification key share (i, vk_i), the aggregated key and the parameters")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VerificationKeyView.class)))
    @APIResponse(
            responseCode = "503",
            description = "This instance plays no issuer role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verificationKey() {
        if (role.keys().isEmpty()) {
            return Problem.response(503, "issuer role " + role.state());
        }
        IssuerKeys k = role.keys().get();
        return Response.ok(new VerificationKeyView(
                        k.authority(),
                        k.share().toText(),
                        k.aggregated().toText(),
                        k.params().toText()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
