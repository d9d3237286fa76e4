package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.Path;
import nym.coconut.CoconutException;
import nym.coconut.dkg.DkgPublicKey;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * What an authority publishes about itself, its {@code authority.toml}: its index and the public halves of its keys.
 * The genesis and the authority set are built from these files alone, never from an authority's secret files, so an
 * operator hands only this file to whoever writes the genesis.
 */
record AuthorityRecord(
        int index,
        byte[] issuerAddress,
        byte[] watcherAddress,
        byte[] verifierAddress,
        String directoryKey,
        DkgPublicKey dkgKey,
        byte[] monitorAddress) {

    static final String FILE = "authority.toml";

    String toToml() {
        return "# authority " + index + ": the public halves of its keys (the secret *.key files beside it never leave"
                + " its machine)\n"
                + "index = " + index + "\n"
                + "# secp256k1 addresses: the issuer's ledger account (signs its DKG transactions), the watcher's and the"
                + " verifier's vote keys\n"
                + "issuer_address = \"" + Hex.prefixed(issuerAddress) + "\"\n"
                + "watcher_address = \"" + Hex.prefixed(watcherAddress) + "\"\n"
                + "verifier_address = \"" + Hex.prefixed(verifierAddress) + "\"\n"
                + "# Ed25519 public key signing epoch documents (unpadded base64url)\n"
                + "directory_key = \"" + directoryKey + "\"\n"
                + "# DKG encryption key (compressed G1, hex): the other issuers encrypt its shares of each key epoch to it\n"
                + "dkg_key = \"" + dkgKey.toHex() + "\"\n"
                + "# secp256k1 address of its network monitor's ledger account: the genesis allows it to report scores\n"
                + "monitor_address = \"" + Hex.prefixed(monitorAddress) + "\"\n";
    }

    /** Reads and checks an {@code authority.toml}; a file without every field is refused with its path. */
    static AuthorityRecord read(Path file) throws IOException {
        TomlParseResult toml = Toml.parse(file);
        if (toml.hasErrors()) {
            throw new IllegalStateException(file + ": " + toml.errors().get(0).toString());
        }
        try {
            Long index = toml.getLong("index");
            if (index == null || index < 1 || index > NetworkSize.MAX_AUTHORITIES) {
                throw new IllegalArgumentException("index must be 1.." + NetworkSize.MAX_AUTHORITIES);
            }
            String directoryKey = text(toml, "directory_key");
            Keys.decode(directoryKey, Keys.PUBLIC_KEY_BYTES, "directory_key");
            return new AuthorityRecord(
                    index.intValue(),
                    address(toml, "issuer_address"),
                    address(toml, "watcher_address"),
                    address(toml, "verifier_address"),
                    directoryKey,
                    DkgPublicKey.fromHex(text(toml, "dkg_key")),
                    address(toml, "monitor_address"));
        } catch (CoconutException | RuntimeException e) {
            throw new IllegalStateException(
                    file + " is not an authority's public file of this version (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] address(TomlParseResult toml, String key) {
        return Hex.parse(text(toml, key), Secp256k1.ADDRESS_BYTES, key);
    }

    private static String text(TomlParseResult toml, String key) {
        String value = toml.getString(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }
}
