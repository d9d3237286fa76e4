package nym.provider.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The service providers' REST API under {@code /provider/api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Nym service providers",
                        version = "0.1.0",
                        description = "Fresh nonces, credential spends (checked locally and redeemed through the"
                                + " ledger) and the state of their deposits, for every provider of the network tree."))
public class ProviderApplication extends Application {}
