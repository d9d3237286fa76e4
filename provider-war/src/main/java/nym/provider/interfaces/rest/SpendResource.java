package nym.provider.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import nym.provider.application.SpendRefused;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.application.SpendService;
import nym.provider.application.SpendStatusService;
import nym.provider.domain.spend.DepositStatus;
import nym.provider.domain.spend.Spend;
import nym.provider.interfaces.rest.Views.SpendView;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Spending a credential at a provider, and the state of its deposit. */
@Path("/providers/{provider}/spends")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SpendResource {

    @Inject
    SpendService spends;

    @Inject
    SpendStatusService statuses;

    /**
     * {@code nym_provider_spends_total{outcome="accepted"|"submitted"|<refusal reason>}} in {@code /metrics?scope=application}; no
     * provider tag, since the path's index is the caller's choice and tags must stay few.
     */
    @Inject
    MetricRegistry metrics;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "spend",
            summary = "Spend a credential: checked locally (nonce, binding, its key epoch accepted, Θ under that key"
                    + " epoch's key from the ledger, ζ unspent on the ledger and here), then redeemed with a deposit"
                    + " transaction naming the key epoch")
    @RequestBody(
            description = "{\"key_epoch\": 3, \"credential\": \"coconut-theta.v1.…\", \"value\": 10, \"binding\":"
                    + " \"0x<provider address>\", \"nonce\": \"<hex of a nonce this provider issued>\"}; key_epoch"
                    + " (required) is the key epoch the credential was issued under")
    @APIResponse(responseCode = "201", description = "accepted; the deposit is on the ledger, pending the verifiers")
    @APIResponse(
            responseCode = "202",
            description = "accepted; the deposit was sent but the ledger's answer was lost: status submitted, with its"
                    + " deposit_id (tx hash); the provider looks it up (or sends it again) until it is pending or"
                    + " failed; follow Location")
    @APIResponse(
            responseCode = "400",
            description = "malformed request (problem+json, reason MALFORMED; the detail names the member, e.g. a"
                    + " missing key_epoch)")
    @APIResponse(responseCode = "404", description = "no such provider")
    @APIResponse(
            responseCode = "409",
            description = "refused: DOUBLE_SPEND (ζ spent or pending) or NONCE_INVALID (unknown, used, expired)")
    @APIResponse(
            responseCode = "422",
            description = "refused: INVALID_CREDENTIAL (Θ does not verify under its key epoch's key for this value,"
                    + " provider and nonce), KEY_EPOCH_REFUSED (the key epoch expired: older than the latest completed"
                    + " one and the one before it, or it never completed) or WRONG_PROVIDER")
    @APIResponse(
            responseCode = "503",
            description = "LEDGER_UNAVAILABLE (also when the key epoch's keys cannot be read from the ledger): nothing"
                    + " recorded, retry with a new nonce")
    public Response spend(@PathParam("provider") int provider, InputStream body) {
        Spend spend;
        try {
            spend = spends.spend(SpendBody.read(provider, body));
        } catch (SpendRefused e) {
            count(e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        }
        count(spend.status() == DepositStatus.SUBMITTED ? "submitted" : "accepted");
        String zeta = HexFormat.of().formatHex(spend.zeta());
        URI location = uri.getAbsolutePathBuilder().path(zeta).build();
        if (spend.status() == DepositStatus.SUBMITTED) {
            return Response.accepted(SpendView.of(spend)).location(location).build();
        }
        return Response.created(location).entity(SpendView.of(spend)).build();
    }

    private void count(String outcome) {
        metrics.counter("nym.provider.spends", new Tag("outcome", outcome)).inc();
    }

    @GET
    @Path("/{zeta}")
    @Operation(
            operationId = "spendStatus",
            summary = "A spend and its deposit: submitted (answer lost, being looked up), pending, accepted or rejected"
                    + " by the verifiers on the ledger, or failed (never redeemed)")
    @APIResponse(
            responseCode = "200",
            description = "the spend",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SpendView.class)))
    @APIResponse(responseCode = "404", description = "no spend of this ζ at this provider")
    public SpendView status(
            @Parameter(description = ProvidersResource.PROVIDER, example = "1") @PathParam("provider") int provider,
            @Parameter(
                            description = "ζ of the spent credential, 48 bytes in hex",
                            example =
                                    "a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7")
                    @PathParam("zeta")
                    String zetaHex) {
        if (!zetaHex.matches("[0-9a-fA-F]{" + 2 * Spend.ZETA_BYTES + "}")) {
            throw new SpendRefused(Reason.MALFORMED, "ζ must be " + Spend.ZETA_BYTES + " bytes in hex");
        }
        return SpendView.of(statuses.status(provider, HexFormat.of().parseHex(zetaHex)));
    }
}
