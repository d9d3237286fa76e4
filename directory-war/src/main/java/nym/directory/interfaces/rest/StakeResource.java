package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.directory.application.StakeLedgerUnavailable;
import nym.directory.application.StakeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The ledger's stake records for operators and the dashboard (issue 21), as the ledger answers them (ledger-app
 * README, "Queries"): identities as unpadded base64url, amounts as decimal strings, scores per mille. Answers are
 * reused for a few seconds ({@link StakeService}) and say so ({@code Cache-Control: max-age}).
 */
@ApplicationScoped
@Path("/stake")
@ShortLived
public class StakeResource {

    private static final Logger LOG = Logger.getLogger(StakeResource.class.getName());
    private static final String EPOCH_PARAMETER =
            "mixnet epoch number: epoch e runs [e·L, (e+1)·L) seconds of the ledger's block time";

    @Inject
    StakeService stake;

    @GET
    @Path("/nodes")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "stakeNodes",
            summary = "Every bonded or unbonding node: kind, owner, bond, delegated, stake, status, latest score,"
                    + " rewards and penalties in total, and the ledger's last settled epoch and reward pool")
    @APIResponse(responseCode = "200", ref = "StakeNodesAnswer")
    @APIResponse(responseCode = "404", ref = "NoStakeRecord")
    @APIResponse(responseCode = "503", ref = "LedgerUnavailable")
    public String nodes() {
        return answer(stake::nodes, "the ledger has no stake nodes record");
    }

    @GET
    @Path("/nodes/{identity}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "stakeNode",
            summary = "One node with its delegations and its history of the last 64 settled epochs (score,"
                    + " monitor reports, reward, penalty, whether active), newest first")
    @APIResponse(responseCode = "200", ref = "StakeNodeAnswer")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NoStakeRecord")
    @APIResponse(responseCode = "503", ref = "LedgerUnavailable")
    public String node(
            @Parameter(
                            description = "the node's Ed25519 identity key, unpadded base64url (43 characters)",
                            example = "7FtVJ3UpS6ib4Oc6oJLKm0tVg0wHwD3_9y5oC1hLNQA")
                    @PathParam("identity")
                    String identity) {
        byte[] key;
        try {
            key = Keys.decode(identity, Keys.PUBLIC_KEY_BYTES, "identity");
        } catch (DirectoryException e) {
            throw new ProblemException(400, e.getMessage());
        }
        return answer(() -> stake.node(key), "the ledger has no bonded node " + identity);
    }

    @GET
    @Path("/epochs/{epoch}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "stakeSettlement",
            summary = "The settlement of an epoch: rewards paid per node with its score, penalties, the pool after"
                    + " it, how many monitor reports it had (or that it was skipped)")
    @APIResponse(responseCode = "200", ref = "StakeEpochAnswer")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NoStakeRecord")
    @APIResponse(responseCode = "503", ref = "LedgerUnavailable")
    public String epoch(@Parameter(description = EPOCH_PARAMETER, example = "12") @PathParam("epoch") String epoch) {
        long number = epochNumber(epoch);
        return answer(
                () -> stake.settlement(number), "epoch " + number + " is not settled (or the ledger has no stake)");
    }

    @GET
    @Path("/active/{epoch}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            operationId = "activeSet",
            summary = "The active set (mix nodes, gateways) and the performance the ledger fixed for an epoch when"
                    + " it settled the one before: what the epoch's document lists")
    @APIResponse(responseCode = "200", ref = "StakeActiveAnswer")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NoStakeRecord")
    @APIResponse(responseCode = "503", ref = "LedgerUnavailable")
    public String active(@Parameter(description = EPOCH_PARAMETER, example = "12") @PathParam("epoch") String epoch) {
        long number = epochNumber(epoch);
        return answer(
                () -> stake.active(number),
                "the ledger has not fixed the active set of epoch " + number + " (or has no stake)");
    }

    private static long epochNumber(String epoch) {
        try {
            long number = Long.parseLong(epoch);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        throw new ProblemException(400, "epoch must be a number ≥ 0, not '" + epoch + "'");
    }

    /** The record as JSON; 404 when the chain has no stake or no such record, 503 when the ledger cannot say. */
    private String answer(Supplier<Optional<JsonObject>> record, String notFound) {
        try {
            if (stake.stakeParams().isEmpty()) {
                throw new ProblemException(404, "the ledger has no stake (its params have no stake section)");
            }
            return record.get().map(JsonObject::toString).orElseThrow(() -> new ProblemException(404, notFound));
        } catch (StakeLedgerUnavailable e) {
            LOG.warning(() -> "stake query not answered: " + e.getMessage());
            throw new ProblemException(503, "ledger unavailable: try again in a few seconds");
        }
    }
}
