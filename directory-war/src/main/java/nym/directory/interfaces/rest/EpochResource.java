package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nym.directory.api.Json;
import nym.directory.api.SignedEpochDocument;
import nym.directory.application.AuthorityKeys;
import nym.directory.application.EpochService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The authorities' epoch documents (issue 18) and the authority set that signs them. A document never changes once
 * built, but its signatures grow as the authorities sign: answers carry {@code Cache-Control: no-cache} and a strong
 * ETag naming the epoch and the number of signatures, so a poller revalidates with {@code If-None-Match} and gets 304
 * until another authority has signed (or, for current and next, until the epoch changes).
 */
@ApplicationScoped
@Path("/epochs")
public class EpochResource {

    private static final String DOCUMENT_DESCRIPTION =
            "The document (the canonical JSON bytes of an EpochDocument, unpadded base64url) with every authority"
                    + " signature stored so far; each is Ed25519 over \"nym-epoch-document-v1\\n\" followed by those bytes."
                    + " Accept it only with t valid signatures of pinned authority keys (directory-api TrustedEpochs).";

    @Inject
    EpochService epochs;

    @Inject
    AuthorityKeys authority;

    @GET
    @Path("/current")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "currentEpochDocument",
            summary = "The signed document of the epoch running now",
            description = DOCUMENT_DESCRIPTION)
    @APIResponse(responseCode = "200", ref = "EpochDocumentAnswer")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", ref = "NoEpochDocument")
    public Response current(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return document(epochs.currentEpoch(), ifNoneMatch);
    }

    @GET
    @Path("/next")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "nextEpochDocument",
            summary = "The signed document of the next epoch, once built",
            description = "Built a lead time before the epoch starts (min(L/4, 300 s)); 404 until then. "
                    + DOCUMENT_DESCRIPTION)
    @APIResponse(responseCode = "200", ref = "EpochDocumentAnswer")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", ref = "NoEpochDocument")
    public Response next(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return document(epochs.currentEpoch() + 1, ifNoneMatch);
    }

    @GET
    @Path("/authorities")
    @Produces({MediaType.TEXT_PLAIN, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "epochAuthorities",
            summary = "The authority keys, threshold and epoch length this directory is configured with",
            description = "The text of directory/authorities.properties. Trust on first use only: pin the keys out of"
                    + " band (mixnode init / nymclient init --authorities <file>).")
    @APIResponse(
            responseCode = "200",
            description = "threshold=t, epoch_seconds=L, authority.i=<Ed25519 key> lines",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "404",
            description = "No authority set configured (no network tree)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response authorities() {
        return authority
                .authorities()
                .map(set -> Response.ok(set.toText(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .build())
                .orElseThrow(() ->
                        new ProblemException(404, "this directory has no authority set (no network tree configured)"));
    }

    @GET
    @Path("/{epoch}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "epochDocument",
            summary = "The signed document of an epoch, while retained",
            description = DOCUMENT_DESCRIPTION)
    @APIResponse(responseCode = "200", ref = "EpochDocumentAnswer")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NoEpochDocument")
    public Response byNumber(
            @Parameter(
                            description = "epoch number: epoch e runs [e·L, (e+1)·L) ms since the Unix epoch",
                            example = "12")
                    @PathParam("epoch")
                    String epoch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        long number;
        try {
            number = Long.parseLong(epoch);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "epoch must be a number, current, next or authorities");
        }
        return document(number, ifNoneMatch);
    }

    private Response document(long epoch, String ifNoneMatch) {
        SignedEpochDocument signed = epochs.signed(epoch)
                .orElseThrow(() -> new ProblemException(
                        404, "no document of epoch " + epoch + ": not built yet, or older than the retention"));
        String etag = "\"" + epoch + "." + signed.signatures().size() + "\"";
        return Revalidated.json(Json.write(signed), etag, ifNoneMatch != null && ifNoneMatch.contains(etag));
    }
}
