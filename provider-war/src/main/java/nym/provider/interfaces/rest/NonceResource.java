package nym.provider.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nym.provider.application.NonceService;
import nym.provider.domain.nonce.IssuedNonce;
import nym.provider.domain.provider.ProviderRegistry;
import nym.provider.interfaces.rest.Views.NonceView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Fresh nonces: a credential is shown to a provider over a nonce the provider issued, once. */
@Path("/providers/{provider}/nonces")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class NonceResource {

    @Inject
    NonceService nonces;

    @Inject
    ProviderRegistry providers;

    @POST
    @Operation(
            operationId = "issueNonce",
            summary = "Issue a fresh nonce (32 bytes, single use, expiring) for one spend at this provider")
    @APIResponse(responseCode = "201", description = "the nonce, the binding and the expiry")
    @APIResponse(responseCode = "404", description = "no such provider (problem+json)")
    public Response issue(@PathParam("provider") int provider) {
        IssuedNonce nonce = nonces.issue(provider);
        return Response.status(Response.Status.CREATED)
                .entity(NonceView.of(nonce, providers.byIndex(provider).orElseThrow()))
                .build();
    }
}
