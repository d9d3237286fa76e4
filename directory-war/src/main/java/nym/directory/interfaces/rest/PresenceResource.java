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
import java.time.Clock;
import java.util.List;
import java.util.Set;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.GatewayPresence;
import nym.directory.api.LeaveNotice;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.api.ValidatorPresence;
import nym.directory.application.AuthorityKeys;
import nym.directory.application.PresenceService;
import nym.directory.application.TopologyService;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Presence heartbeats and leave notices (signed by each node's identity key, see {@link Signing}) and the registry's
 * live view (unsigned: routing uses the authorities' epoch documents).
 */
@ApplicationScoped
@Path("/presence")
public class PresenceResource {

    static final Set<String> VALIDATOR_TYPES = Set.of("issuer", "verifier", "watcher", "ledger");

    @Inject
    PresenceService presence;

    @Inject
    SignedBodyReader signedBodies;

    @Inject
    TopologyService topology;

    @Inject
    AuthorityKeys authorities;

    private final Clock clock = Clock.systemUTC();

    @POST
    @Path("/mixnodes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Mix node heartbeat, signed by its identity key")
    @RequestBody(content = @Content(schema = @Schema(ref = "MixnodePresence")))
    @APIResponse(
            responseCode = "204",
            description = "Accepted; the node is in the topology until the expiry window passes")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "SignatureRefused")
    @APIResponse(responseCode = "403", ref = "Banned")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "NotJson")
    public Response mixnode(
            InputStream in,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @Parameter(in = ParameterIn.HEADER, description = "ms since the epoch", required = true)
                    @HeaderParam(Signing.TIMESTAMP_HEADER)
                    String timestamp,
            @Parameter(in = ParameterIn.HEADER, description = "Ed25519 signature, unpadded base64url", required = true)
                    @HeaderParam(Signing.SIGNATURE_HEADER)
                    String signature) {
        SignedBody<MixnodePresence> signed = signedBodies.read(
                Paths.MIXNODES, in, length, timestamp, signature, MixnodePresence.class, MixnodePresence::identityKey);
        MixnodePresence p = signed.value();
        Node node = new Node(
                signed.identityKey(),
                NodeKind.MIXNODE,
                Bodies.hostPort(p.host(), "host"),
                Bodies.text(p.version(), "version", 64),
                Bodies.text(p.location(), "location", 128),
                null,
                null,
                null,
                clock.millis());
        presence.accept(node, sphinxKeys(p.sphinxKeys()), signed.signedAt());
        return Response.noContent().build();
    }

    @POST
    @Path("/gateways")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Gateway heartbeat, signed by its identity key")
    @RequestBody(content = @Content(schema = @Schema(ref = "GatewayPresence")))
    @APIResponse(responseCode = "204", description = "Accepted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "SignatureRefused")
    @APIResponse(responseCode = "403", ref = "Banned")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "NotJson")
    public Response gateway(
            InputStream in,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @HeaderParam(Signing.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(Signing.SIGNATURE_HEADER) String signature) {
        SignedBody<GatewayPresence> signed = signedBodies.read(
                Paths.GATEWAYS, in, length, timestamp, signature, GatewayPresence.class, GatewayPresence::identityKey);
        GatewayPresence p = signed.value();
        Node node = new Node(
                signed.identityKey(),
                NodeKind.GATEWAY,
                Bodies.hostPort(p.mixnetListener(), "mixnetListener"),
                Bodies.text(p.version(), "version", 64),
                Bodies.text(p.location(), "location", 128),
                null,
                null,
                Bodies.hostPort(p.clientListener(), "clientListener"),
                clock.millis());
        presence.accept(node, sphinxKeys(p.sphinxKeys()), signed.signedAt());
        return Response.noContent().build();
    }

    @POST
    @Path("/validators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Heartbeat of an issuer, verifier, watcher or ledger node, signed by its identity key")
    @RequestBody(content = @Content(schema = @Schema(ref = "ValidatorPresence")))
    @APIResponse(responseCode = "204", description = "Accepted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "SignatureRefused")
    @APIResponse(responseCode = "403", ref = "Banned")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "NotJson")
    public Response validator(
            InputStream in,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @HeaderParam(Signing.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(Signing.SIGNATURE_HEADER) String signature) {
        SignedBody<ValidatorPresence> signed = signedBodies.read(
                Paths.VALIDATORS,
                in,
                length,
                timestamp,
                signature,
                ValidatorPresence.class,
                ValidatorPresence::identityKey);
        ValidatorPresence p = signed.value();
        String key = signed.identityKey();
        long signedAt = signed.signedAt();
        String type = Bodies.required(p.type(), "type");
        if (!VALIDATOR_TYPES.contains(type)) {
            throw new ProblemException(
                    400,
                    "unknown type " + Bodies.text(type.length() > 32 ? type.substring(0, 32) : type, "type", 64)
                            + ": one of issuer, verifier, watcher, ledger");
        }
        String host = Bodies.text(Bodies.required(p.host(), "host"), "host", 255);
        presence.accept(
                new Node(
                        key,
                        NodeKind.VALIDATOR,
                        host,
                        Bodies.text(p.version(), "version", 64),
                        Bodies.text(p.location(), "location", 128),
                        type,
                        Bodies.text(p.publicKey(), "publicKey", 4096),
                        null,
                        clock.millis()),
                List.of(),
                signedAt);
        return Response.noContent().build();
    }

    @POST
    @Path("/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(
            summary = "A node's notice that it is shutting down, signed by its identity key",
            description = "The node leaves the live view at once and is in no epoch document built after this (the "
                    + "current one does not change) until its next presence.")
    @RequestBody(content = @Content(schema = @Schema(ref = "LeaveNotice")))
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "SignatureRefused")
    @APIResponse(responseCode = "403", ref = "Banned")
    @APIResponse(responseCode = "404", ref = "NoSuchNode")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "NotJson")
    public Response leave(
            InputStream in,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @HeaderParam(Signing.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(Signing.SIGNATURE_HEADER) String signature) {
        SignedBody<LeaveNotice> signed = signedBodies.read(
                Paths.LEAVE, in, length, timestamp, signature, LeaveNotice.class, LeaveNotice::identityKey);
        presence.leave(signed.identityKey(), signed.signedAt());
        return Response.noContent().build();
    }

    @GET
    @Path("/topology")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "topology",
            summary = "The registry's live view: nodes with recent heartbeats (for operators; not for routing)",
            description =
                    "Every node with a heartbeat inside the expiry window, not banned and not left, each mix node "
                            + "and gateway with the Sphinx key it announced for the current epoch. Not signed: clients and nodes "
                            + "route by the authorities' signed epoch documents (/api/epochs/current). Send If-None-Match with "
                            + "the weak ETag to get 304 while the set of nodes is unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The live view",
            content = @Content(schema = @Schema(ref = "Topology")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response topology(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TopologyService.View view = topology.current();
        return Revalidated.json(view.body(), view.etag(), ifNoneMatch != null && matches(ifNoneMatch, view.etag()));
    }

    private List<AnnouncedKey> sphinxKeys(List<AnnouncedKey> keys) {
        return Bodies.sphinxKeys(keys, authorities.currentEpoch(), authorities.authorities());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
