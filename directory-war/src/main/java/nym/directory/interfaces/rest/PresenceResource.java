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
import java.util.Set;
import nym.directory.api.DirectoryKey;
import nym.directory.api.GatewayPresence;
import nym.directory.api.MixnodePresence;
import nym.directory.api.Paths;
import nym.directory.api.Signing;
import nym.directory.api.ValidatorPresence;
import nym.directory.application.DirectoryConfig;
import nym.directory.application.DirectoryKeyService;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Presence heartbeats (signed by each node's identity key, see {@link Signing}), the signed topology and the key
 * that signs it.
 */
@ApplicationScoped
@Path("/presence")
@Tag(name = "presence")
public class PresenceResource {

    static final Set<String> VALIDATOR_TYPES = Set.of("issuer", "verifier", "watcher", "ledger");

    @Inject
    PresenceService presence;

    @Inject
    SignedBodyReader signedBodies;

    @Inject
    TopologyService topology;

    @Inject
    DirectoryKeyService directoryKey;

    @Inject
    DirectoryConfig config;

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
        String key = signed.identityKey();
        long signedAt = signed.signedAt();
        if (p.layer() == null) {
            throw new ProblemException(400, "layer is missing");
        }
        if (p.layer() < 1 || p.layer() > config.mixLayers()) {
            throw new ProblemException(400, "unknown layer " + p.layer() + ": layers are 1.." + config.mixLayers());
        }
        presence.accept(
                new Node(
                        key,
                        NodeKind.MIXNODE,
                        Bodies.hostPort(p.host(), "host"),
                        Bodies.key(p.sphinxKey(), "sphinxKey"),
                        p.layer(),
                        Bodies.text(p.version(), "version", 64),
                        Bodies.text(p.location(), "location", 128),
                        null,
                        null,
                        null,
                        clock.millis()),
                signedAt);
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
        String key = signed.identityKey();
        long signedAt = signed.signedAt();
        presence.accept(
                new Node(
                        key,
                        NodeKind.GATEWAY,
                        Bodies.hostPort(p.mixnetListener(), "mixnetListener"),
                        Bodies.key(p.sphinxKey(), "sphinxKey"),
                        null,
                        Bodies.text(p.version(), "version", 64),
                        Bodies.text(p.location(), "location", 128),
                        null,
                        null,
                        Bodies.hostPort(p.clientListener(), "clientListener"),
                        clock.millis()),
                signedAt);
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
                        null,
                        null,
                        Bodies.text(p.version(), "version", 64),
                        Bodies.text(p.location(), "location", 128),
                        type,
                        Bodies.text(p.publicKey(), "publicKey", 4096),
                        null,
                        clock.millis()),
                signedAt);
        return Response.noContent().build();
    }

    @GET
    @Path("/topology")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Live mix nodes by layer, gateways and validators, signed by the directory's key",
            description =
                    "The Nym-Signature header is the directory's Ed25519 signature over \"nym-directory-topology-v1\\n\" "
                            + "followed by the body; the key is at /api/presence/directory-key. Send If-None-Match with the weak ETag to "
                            + "get 304 while the set of nodes is unchanged.")
    @APIResponse(
            responseCode = "200",
            description = "The topology",
            content = @Content(schema = @Schema(ref = "Topology")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response topology(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        TopologyService.Signed view = topology.current();
        if (ifNoneMatch != null && matches(ifNoneMatch, view.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, view.etag()).build();
        }
        return Response.ok(view.body(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, view.etag())
                .header(Signing.SIGNATURE_HEADER, view.signature())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    @GET
    @Path("/directory-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The directory's Ed25519 public key, which signs every topology")
    @APIResponse(
            responseCode = "200",
            description = "The key",
            content = @Content(schema = @Schema(ref = "DirectoryKey")))
    public DirectoryKey key() {
        return new DirectoryKey("Ed25519", directoryKey.identity().publicKeyText());
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
