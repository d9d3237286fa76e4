package nym.directory.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The directory's REST API under {@code /api}; its OpenAPI document is served by Payara at {@code /openapi}. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Nym directory",
                        version = "0.1.0",
                        description =
                                "Presence, PKI and topology of the Nym mixnet, and the state of the Payara cluster serving it."))
public class DirectoryApplication extends Application {}
