package nym.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nym.client.keys.SecretFiles;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;

/**
 * The monitor's ledger account key: 64 hex digits of a secp256k1 private key ({@code localnet.jar authority-init}
 * writes it as {@code monitor.key}); kept in the monitor home's {@code keys/monitor.key}, mode 0600. Errors name the
 * file, never its content.
 */
public final class MonitorKey {

    /** Its place in a monitor home. */
    public static final String HOME_PATH = "keys/monitor.key";

    private MonitorKey() {}

    public static Secp256k1.KeyPair read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new MonitorException("cannot read the monitor key " + file + ": " + e.getMessage(), e);
        }
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new MonitorException(file + " is not a secp256k1 private key of 64 hex digits");
        }
        try {
            return Secp256k1.KeyPair.of(Hex.parse(text, 32, "monitor key"));
        } catch (RuntimeException e) {
            throw new MonitorException(file + " is not a valid secp256k1 private key");
        }
    }

    /** Copies a checked key into {@code home}'s {@link #HOME_PATH} (mode 0600, replacing one there); its account. */
    public static Secp256k1.KeyPair install(Path from, Path home) {
        Secp256k1.KeyPair key = read(from);
        try {
            SecretFiles.replaceText(
                    home.resolve(HOME_PATH),
                    Files.readString(from, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new MonitorException("cannot read the monitor key " + from + ": " + e.getMessage(), e);
        }
        return key;
    }
}
