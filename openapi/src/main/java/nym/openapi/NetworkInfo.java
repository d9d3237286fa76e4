package nym.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.info.Info;

/** The {@code info} of the network's document: the same in every application's part, so Payara's merge keeps it. */
final class NetworkInfo {

    static final String TITLE = "Nym network API";

    static final String DESCRIPTION = "The HTTP APIs of a Nym authority's Payara instance, one document for the three"
            + " applications of the EAR, each path from the instance root:\n\n"
            + "* **directory** (`/api/...`): presence heartbeats of mix nodes, gateways and validators, the"
            + " authorities' signed epoch documents and announcements, mix metrics, the ledger's stake records,"
            + " the cluster's members and the operators' bans and approvals;\n"
            + "* **issuer** (`/issuer/api/...`): this authority's partial Coconut credentials and verification keys;\n"
            + "* **provider** (`/provider/api/...`): the service providers' nonces, credential spends and deposits.\n\n"
            + "Every error answer is `application/problem+json` (RFC 9457, schema `Problem`): `detail` says what was"
            + " wrong. The servers list is empty on purpose: calls go to the instance that served this document.";

    private NetworkInfo() {}

    static Info info() {
        return OASFactory.createInfo().title(TITLE).version(version()).description(DESCRIPTION);
    }

    /** The project version, written into {@code api.properties} by the build. */
    static String version() {
        try (InputStream in = NetworkInfo.class.getResourceAsStream("api.properties")) {
            if (in == null) {
                throw new IllegalStateException("nym/openapi/api.properties is missing from the openapi jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
