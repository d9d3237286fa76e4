package nym.directory.application;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import nym.directory.api.AuthorityAnnouncement;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * What this instance announces as authority i: its endpoints from the configuration and its public keys from the
 * tree's {@code authorities/authority-<i>/authority.toml} ({@code index}, {@code issuer_address}, {@code
 * watcher_address}, {@code verifier_address}, {@code directory_key}, {@code dkg_key}). Read again for every
 * announcement, so a regenerated key shows at the next one. A file that names another index or another directory key
 * than the one this instance signs with is refused: announcing it would publish a mismatch under a valid signature.
 */
final class SelfAnnouncement {

    static final String AUTHORITY_FILE = "authority.toml";
    /** The issuer WAR's REST API under the instance's URL (its context root and JAX-RS application path). */
    static final String ISSUER_API_PATH = "/issuer/api";
    /** The ledger-jca resource adapter's node when {@code nym.ledger.nodes} is unset: the ledger the roles use. */
    static final String DEFAULT_LEDGER_RPC = "http://127.0.0.1:26657";

    private SelfAnnouncement() {}

    /**
     * @param folder {@code authorities/authority-<index>} of the tree
     * @param directoryKey the key this instance signs with (unpadded base64url)
     * @param publicUrl the instance's URL as others reach it, e.g. {@code http://host:28080}
     * @param ledgerNodes {@code nym.ledger.nodes}: comma-separated RPC URLs, this authority's own validator first
     * @throws IOException if the file cannot be read, lacks a field, or names another index or key
     */
    static AuthorityAnnouncement make(
            Path folder, int index, String directoryKey, String publicUrl, Optional<String> ledgerNodes, long nowMillis)
            throws IOException {
        Path file = folder.resolve(AUTHORITY_FILE);
        TomlParseResult toml = Toml.parse(file);
        if (toml.hasErrors()) {
            throw new IOException(file + ": " + toml.errors().get(0).toString());
        }
        Long named = toml.isLong("index") ? toml.getLong("index") : null;
        if (named == null || named != index) {
            throw new IOException(file + ": index is " + named + ", this instance is authority " + index);
        }
        String key = text(toml, "directory_key");
        if (key != null && !key.equals(directoryKey)) {
            throw new IOException(
                    file + ": directory_key is not the key of authorities/authority-" + index + "/directory.key");
        }
        return new AuthorityAnnouncement(
                index,
                directoryKey,
                firstLedgerNode(ledgerNodes),
                stripSlash(publicUrl) + ISSUER_API_PATH,
                required(toml, "issuer_address", file),
                required(toml, "watcher_address", file),
                required(toml, "verifier_address", file),
                text(toml, "dkg_key"),
                nowMillis);
    }

    /** The first of {@code nym.ledger.nodes}: the validator this authority talks to first. */
    static String firstLedgerNode(Optional<String> ledgerNodes) {
        return ledgerNodes
                .map(nodes -> nodes.split(",")[0].strip())
                .filter(node -> !node.isEmpty())
                .orElse(DEFAULT_LEDGER_RPC);
    }

    private static String required(TomlParseResult toml, String name, Path file) throws IOException {
        String value = text(toml, name);
        if (value == null || value.isBlank()) {
            throw new IOException(file + ": " + name + " is missing");
        }
        return value;
    }

    /** A string field, or null when absent or of another type (then refused by whoever needs it). */
    private static String text(TomlParseResult toml, String name) {
        return toml.isString(name) ? toml.getString(name) : null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
