package nym.provider.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The service providers' REST API under {@code /provider/api}; documented in the instance's {@code /openapi} (module openapi's
 * filter).
 */
@ApplicationPath("/api")
public class ProviderApplication extends Application {}
