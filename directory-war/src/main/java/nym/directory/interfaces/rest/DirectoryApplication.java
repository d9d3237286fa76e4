package nym.directory.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The directory's REST API under {@code /api}; documented in the instance's {@code /openapi} (module openapi's
 * filter).
 */
@ApplicationPath("/api")
public class DirectoryApplication extends Application {}
