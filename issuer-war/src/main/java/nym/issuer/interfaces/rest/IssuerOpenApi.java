package nym.issuer.interfaces.rest;

import nym.openapi.NetworkApiFilter;

/** This WAR's part of the network's OpenAPI document (named by {@code mp.openapi.filter}). */
public final class IssuerOpenApi extends NetworkApiFilter {

    public IssuerOpenApi() {
        super("issuer", "Partial credentials and verification keys of this instance's authority's issuer");
    }
}
