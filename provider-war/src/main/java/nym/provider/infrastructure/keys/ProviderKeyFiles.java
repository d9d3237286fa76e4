package nym.provider.infrastructure.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.provider.domain.provider.Provider;

/**
 * Reads the providers of a network tree (localnet/README.md): {@code providers/provider-<k>/provider.key}, the
 * provider's secp256k1 ledger key as 64 hex digits. A bad file stops the reading with its path in the message, never
 * with the key's text.
 */
public final class ProviderKeyFiles {

    private static final Pattern FOLDER = Pattern.compile("provider-([1-9][0-9]{0,5})");

    private ProviderKeyFiles() {}

    /** The providers under {@code home}, ordered by index; none if the tree has no {@code providers} folder. */
    public static List<Provider> read(Path home) {
        Path folder = home.resolve("providers");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Provider> providers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Matcher m = FOLDER.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry)) {
                    providers.add(new Provider(Integer.parseInt(m.group(1)), key(entry.resolve("provider.key"))));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        providers.sort(Comparator.comparingInt(Provider::index));
        return List.copyOf(providers);
    }

    private static Secp256k1.KeyPair key(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException(file + " is not a secp256k1 private key of 64 hex digits");
        }
        try {
            return Secp256k1.KeyPair.of(Hex.parse(text, 32, "provider key"));
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a valid secp256k1 private key", e);
        }
    }
}
