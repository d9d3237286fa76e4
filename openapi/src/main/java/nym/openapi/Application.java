package nym.openapi;

import java.util.Arrays;

/** The EAR's web applications, by the context root ear/pom.xml gives each: their tag in the network's document. */
enum Application {
    DIRECTORY(
            "",
            "directory",
            "Presence, PKI and topology of the Nym mixnet: heartbeats, the authorities' signed epoch documents and"
                    + " announcements, mix metrics and their history, the ledger's stake records, and the state of"
                    + " the Payara cluster serving it"),
    ISSUER("/issuer", "issuer", "Partial credentials and verification keys of this instance's authority's issuer"),
    PROVIDER(
            "/provider",
            "provider",
            "The service providers of the network tree: fresh nonces, credential spends (checked here, redeemed"
                    + " through the ledger) and the state of their deposits");

    private final String contextRoot;
    private final String tag;
    private final String description;

    Application(String contextRoot, String tag, String description) {
        this.contextRoot = contextRoot;
        this.tag = tag;
        this.description = description;
    }

    String tag() {
        return tag;
    }

    String description() {
        return description;
    }

    /** The application at {@code contextRoot} ("" for {@code /}); a WAR this list does not know is a deploy error. */
    static Application at(String contextRoot) {
        return Arrays.stream(values())
                .filter(a -> a.contextRoot.equals(contextRoot))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no application of the Nym EAR is deployed at '"
                        + contextRoot + "': name it in nym.openapi.Application"));
    }
}
