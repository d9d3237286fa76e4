package nym.issuer.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The issuers' REST API under {@code /issuer/api}; documented in the instance's {@code /openapi} (module openapi's filter). */
@ApplicationPath("/api")
public class IssuerApplication extends Application {}
