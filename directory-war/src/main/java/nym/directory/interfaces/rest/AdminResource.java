package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import nym.directory.application.PresenceService;
import nym.directory.interfaces.security.OperatorSecurity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operator endpoints: ban and unban a node by identity key. HTTP Basic with the operator credential (Jakarta
 * Security over the container realm, {@link OperatorSecurity}); a banned node leaves the topology at once and its posts are refused (403).
 */
@ApplicationScoped
@Path("/admin/bans/{identityKey}")
@Tag(name = "admin")
@Produces(Problems.MEDIA_TYPE)
public class AdminResource {

    @Inject
    PresenceService presence;

    @PUT
    @Operation(summary = "Ban a node (operator)")
    @APIResponse(responseCode = "204", description = "Banned")
    @APIResponse(
            responseCode = "401",
            description = "No or wrong operator credential",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No node has this identity key",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response ban(
            @PathParam("identityKey") String identityKey,
            @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        return set(security, identityKey, true, Bodies.text(reason, "reason", 256));
    }

    @DELETE
    @Operation(summary = "Lift a ban (operator)")
    @APIResponse(responseCode = "204", description = "No longer banned")
    @APIResponse(
            responseCode = "401",
            description = "No or wrong operator credential",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No node has this identity key",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response unban(@PathParam("identityKey") String identityKey, @Context SecurityContext security) {
        return set(security, identityKey, false, null);
    }

    private Response set(SecurityContext security, String identityKey, boolean banned, String reason) {
        if (security.getUserPrincipal() == null) {
            // The operator's challenge replaces the signed-request one every 401 problem carries.
            return Response.fromResponse(Problems.response(401, "operator credential required (HTTP Basic)"))
                    .header("WWW-Authenticate", null)
                    .header("WWW-Authenticate", "Basic realm=\"" + OperatorSecurity.REALM + "\"")
                    .build();
        }
        if (!security.isUserInRole(OperatorSecurity.ROLE)) {
            return Problems.response(403, "caller is not an operator");
        }
        Bodies.key(identityKey, "identityKey");
        if (!presence.ban(identityKey, banned, reason)) {
            throw new ProblemException(404, "no node has this identityKey");
        }
        return Response.noContent().build();
    }
}
