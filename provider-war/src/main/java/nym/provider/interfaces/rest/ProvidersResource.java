package nym.provider.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nym.provider.application.SpendRefused;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.provider.ProviderRegistry;
import nym.provider.interfaces.rest.Views.ProviderView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The providers this deployment serves. */
@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ProvidersResource {

    /** The {@code provider} path parameter of every provider endpoint. */
    static final String PROVIDER = "the provider's index in the network tree (1-based)";

    @Inject
    ProviderRegistry providers;

    @GET
    @Operation(
            operationId = "providers",
            summary = "Every provider served here, with the address credentials must be bound to")
    @APIResponse(
            responseCode = "200",
            description = "the providers, by index",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderView.class)))
    public List<ProviderView> all() {
        return providers.all().stream().map(ProviderView::of).toList();
    }

    @GET
    @Path("/{provider}")
    @Operation(operationId = "provider", summary = "One provider")
    @APIResponse(
            responseCode = "200",
            description = "the provider",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "404", description = "no such provider (problem+json)")
    public ProviderView one(@Parameter(description = PROVIDER, example = "1") @PathParam("provider") int index) {
        return providers
                .byIndex(index)
                .map(ProviderView::of)
                .orElseThrow(
                        () -> new SpendRefused(Reason.UNKNOWN_PROVIDER, "no provider " + index + " is served here"));
    }
}
