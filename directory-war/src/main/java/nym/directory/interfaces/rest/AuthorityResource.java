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
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import nym.directory.api.AuthorityLedgers;
import nym.directory.api.Json;
import nym.directory.api.SignedAuthorityAnnouncement;
import nym.directory.application.AuthorityAnnouncementService;
import nym.directory.application.AuthorityLedgerService;
import nym.directory.application.DirectoryConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The topology authorities' announcements of themselves (issue 19): their ledger RPC, issuer API, ledger addresses and
 * DKG key, each signed by the authority's own directory key. The request is not signed: the body is, and it is
 * served as it came, so a reader checks it against its own pinned authority set.
 */
@ApplicationScoped
@Path("/authorities")
public class AuthorityResource {

    private static final String SIGNED =
            "The announcement travels as its exact bytes (the canonical JSON of an AuthorityAnnouncement, unpadded"
                    + " base64url) with the authority's Ed25519 signature over \"nym-authority-announcement-v1\\n\""
                    + " followed by those bytes (directory-api SignedAuthorityAnnouncement.verify).";

    @Inject
    AuthorityAnnouncementService announcements;

    @Inject
    DirectoryConfig config;

    @Inject
    AuthorityLedgerService ledgers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "authorityAnnouncements",
            summary = "The newest announcement of each authority, as signed",
            description = "One per authority that has announced itself, by index; only those that verify under this"
                    + " directory's pinned set. Check each against your own pinned set before using its endpoints. "
                    + SIGNED)
    @APIResponse(
            responseCode = "200",
            description = "The announcements",
            content = @Content(schema = @Schema(ref = "AnnouncedAuthorities")))
    public Response all() {
        return Response.ok(Json.write(announcements.current()), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    @GET
    @Path("/ledgers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "authorityLedgers",
            summary = "The latest block height of each announced authority's validator",
            description = "Each authority's ledger RPC (from its announcement) is asked for its /status, all at once,"
                    + " each within a few seconds; the answer is reused for 5 s. A validator that does not answer"
                    + " has no height and an error starting with \"unreachable\".")
    @APIResponse(
            responseCode = "200",
            description = "One entry per announced authority",
            content = @Content(schema = @Schema(ref = "AuthorityLedgers")))
    public AuthorityLedgers ledgers() {
        return ledgers.current();
    }

    @POST
    @Path("/announce")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            summary = "An authority announces itself, signed by its directory key",
            description = "Accepted when its index is in the pinned set, it names that index's key, the signature"
                    + " verifies under it, the fields are well-formed, and it is newer than the one held for that"
                    + " authority. Each authority's instance announces itself at start and every"
                    + " nym.authority.announce-seconds. " + SIGNED)
    @RequestBody(content = @Content(schema = @Schema(ref = "SignedAuthorityAnnouncement")))
    @APIResponse(responseCode = "204", description = "Stored; served at /api/authorities")
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON, a bad field, or not signed by the pinned key of the index it names",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "An index the pinned authority set does not have (or no set configured)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "Not newer than the announcement held for that authority (a replay): nothing changes",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "NotJson")
    public Response announce(InputStream in, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length) {
        byte[] body = Bodies.read(in, length == null ? -1 : length, config.maxBodyBytes());
        announcements.accept(Bodies.json(body, SignedAuthorityAnnouncement.class));
        return Response.noContent().build();
    }
}
