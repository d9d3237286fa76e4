package nym.provider.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The service providers' REST API under {@code /provider/api}; documented in the instance's {@code /openapi} ({@link
 * ProviderOpenApi}).
 */
@ApplicationPath("/api")
public class ProviderApplication extends Application {}
