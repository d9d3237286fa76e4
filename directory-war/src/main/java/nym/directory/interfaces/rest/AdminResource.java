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
import java.util.function.BooleanSupplier;
import nym.directory.application.PresenceService;
import nym.directory.interfaces.security.OperatorSecurity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operator endpoints: ban and unban, approve and unapprove a node by identity key. HTTP Basic with the operator
 * credential (Jakarta Security over the container realm, {@link OperatorSecurity}); a banned node leaves the live view
 * at once and its posts are refused (403); with admission {@code approved} only approved nodes are listed in epoch
 * documents.
 */
@ApplicationScoped
@Path("/admin")
@Produces(Problems.MEDIA_TYPE)
public class AdminResource {

    @Inject
    PresenceService presence;

    @PUT
    @Path("/bans/{identityKey}")
    @Operation(summary = "Ban a node (operator)")
    @APIResponse(responseCode = "204", description = "Banned")
    @APIResponse(responseCode = "401", ref = "OperatorCredentialRequired")
    @APIResponse(responseCode = "404", ref = "NoSuchNode")
    public Response ban(
            @PathParam("identityKey") String identityKey,
            @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        String why = Bodies.text(reason, "reason", 256);
        return asOperator(security, identityKey, () -> presence.ban(identityKey, true, why));
    }

    @DELETE
    @Path("/bans/{identityKey}")
    @Operation(summary = "Lift a ban (operator)")
    @APIResponse(responseCode = "204", description = "No longer banned")
    @APIResponse(responseCode = "401", ref = "OperatorCredentialRequired")
    @APIResponse(responseCode = "404", ref = "NoSuchNode")
    public Response unban(@PathParam("identityKey") String identityKey, @Context SecurityContext security) {
        return asOperator(security, identityKey, () -> presence.ban(identityKey, false, null));
    }

    @PUT
    @Path("/approvals/{identityKey}")
    @Operation(
            summary = "Approve a node (operator)",
            description = "With nym.directory.admission=approved only approved nodes are listed in epoch documents; "
                    + "with open (the default) approvals are kept but change nothing.")
    @APIResponse(responseCode = "204", description = "Approved")
    @APIResponse(responseCode = "401", ref = "OperatorCredentialRequired")
    @APIResponse(responseCode = "404", ref = "NoSuchNode")
    public Response approve(@PathParam("identityKey") String identityKey, @Context SecurityContext security) {
        return asOperator(security, identityKey, () -> presence.approve(identityKey, true));
    }

    @DELETE
    @Path("/approvals/{identityKey}")
    @Operation(summary = "Withdraw an approval (operator)")
    @APIResponse(responseCode = "204", description = "No longer approved")
    @APIResponse(responseCode = "401", ref = "OperatorCredentialRequired")
    @APIResponse(responseCode = "404", ref = "NoSuchNode")
    public Response unapprove(@PathParam("identityKey") String identityKey, @Context SecurityContext security) {
        return asOperator(security, identityKey, () -> presence.approve(identityKey, false));
    }

    /** Runs {@code change} (false: no such node) for an operator; answers 401/403 to anyone else. */
    private Response asOperator(SecurityContext security, String identityKey, BooleanSupplier change) {
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
        if (!change.getAsBoolean()) {
            throw new ProblemException(404, "no node has this identityKey");
        }
        return Response.noContent().build();
    }
}
