package nym.directory.interfaces.rest;

import nym.openapi.NetworkApiFilter;

/** This WAR's part of the network's OpenAPI document (named by {@code mp.openapi.filter}). */
public final class DirectoryOpenApi extends NetworkApiFilter {

    public DirectoryOpenApi() {
        super(
                "directory",
                "Presence, PKI and topology of the Nym mixnet: heartbeats, the authorities' signed epoch documents and"
                        + " announcements, mix metrics, the ledger's stake records, and the state of the Payara"
                        + " cluster serving it");
    }
}
