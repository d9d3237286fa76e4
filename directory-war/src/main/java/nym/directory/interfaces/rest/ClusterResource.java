package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nym.directory.application.ClusterMembershipService;
import nym.directory.application.InstanceIdentity;
import nym.directory.domain.cluster.ClusterMember;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Which Payara instances serve this application on the shared database, seen from the instance answering. */
@ApplicationScoped
@Path("/cluster")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    /** The answering instance and every instance alive on the shared database. */
    public record ClusterView(String answeredBy, int authority, List<ClusterMember> members) {}

    @Inject
    ClusterMembershipService membership;

    @Inject
    InstanceIdentity identity;

    @GET
    @Path("/members")
    @Operation(operationId = "clusterMembers", summary = "Instances with a heartbeat in the last 15 seconds")
    @APIResponse(responseCode = "200", description = "The live instances, by name")
    public ClusterView members() {
        return new ClusterView(identity.instanceName(), identity.authority(), membership.liveMembers());
    }
}
