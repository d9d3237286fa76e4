package nym.provider.interfaces.rest;

import nym.openapi.NetworkApiFilter;

/** This WAR's part of the network's OpenAPI document (named by {@code mp.openapi.filter}). */
public final class ProviderOpenApi extends NetworkApiFilter {

    public ProviderOpenApi() {
        super(
                "provider",
                "Fresh nonces, credential spends (checked locally and redeemed through the ledger) and the state of"
                        + " their deposits, for every provider of the network tree");
    }
}
