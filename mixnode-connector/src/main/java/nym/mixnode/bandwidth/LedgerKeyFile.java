package nym.mixnode.bandwidth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;

/**
 * A ledger account key: 64 hex digits of a secp256k1 private key. The gateway's own account (the network tree's
 * {@code gateways/gateway-<g>/gateway.key}, copied to {@code <home>/keys/ledger.key} with mode 0600), and the owner's
 * account that {@code mixnode bond | unbond} signs with. Errors name the file, never its content.
 */
public final class LedgerKeyFile {

    /** The key's place in a node home's {@code keys/} folder. */
    public static final String NAME = "ledger.key";

    private LedgerKeyFile() {}

    public static Secp256k1.KeyPair read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(file + " is not a secp256k1 private key of 64 hex digits");
        }
        try {
            return Secp256k1.KeyPair.of(Hex.parse(text, 32, "ledger key"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a valid secp256k1 private key");
        }
    }
}
