package nym.directory.api;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The topology authorities a client or node trusts: their Ed25519 keys (authority {@code i} is the {@code i}-th, 1-based)
 * and the threshold {@code t} of valid signatures an epoch document needs. Written by the network tree as
 * {@value #TREE_FILE}, in this text form:
 *
 * <pre>
 * threshold=2
 * epoch_seconds=3600
 * authority.1=&lt;Ed25519 public key, unpadded base64url&gt;
 * authority.2=...
 * </pre>
 *
 * ({@code epoch_seconds} is read by the authorities only; clients and nodes learn the schedule from the documents.)
 */
public record AuthoritySet(List<String> keys, int threshold, long epochSeconds) {

    /** Where the network tree keeps this file, relative to its root. */
    public static final String TREE_FILE = "directory/authorities.properties";

    public AuthoritySet {
        keys = List.copyOf(keys);
        Set<String> distinct = new HashSet<>();
        for (String k : keys) {
            Keys.decode(k, Keys.PUBLIC_KEY_BYTES, "authority key");
            if (!distinct.add(k)) {
                throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, "authority key listed twice: " + k);
            }
        }
        if (keys.isEmpty()) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, "no authority keys");
        }
        if (threshold < 1 || threshold > keys.size()) {
            throw new DirectoryException(
                    DirectoryException.Kind.MALFORMED_KEY,
                    "threshold " + threshold + " must be 1.." + keys.size() + " (the number of authorities)");
        }
        if (epochSeconds < 1) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, "epoch_seconds must be positive");
        }
    }

    /** @throws DirectoryException {@code MALFORMED_KEY} naming what is wrong */
    public static AuthoritySet parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> keys = new ArrayList<>();
        for (int i = 1; p.containsKey("authority." + i); i++) {
            keys.add(p.getProperty("authority." + i).trim());
        }
        return new AuthoritySet(keys, number(p, "threshold"), number(p, "epoch_seconds"));
    }

    public static AuthoritySet load(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (DirectoryException e) {
            throw new DirectoryException(e.kind(), file + ": " + e.getMessage());
        }
    }

    public String toText() {
        StringBuilder out = new StringBuilder()
                .append("# the topology authorities: authority i signs each epoch document with its key; clients and\n")
                .append("# nodes need threshold valid signatures from these keys\n")
                .append("threshold=")
                .append(threshold)
                .append('\n')
                .append("epoch_seconds=")
                .append(epochSeconds)
                .append('\n');
        for (int i = 0; i < keys.size(); i++) {
            out.append("authority.")
                    .append(i + 1)
                    .append('=')
                    .append(keys.get(i))
                    .append('\n');
        }
        return out.toString();
    }

    /** The raw key of authority {@code index} (1-based). */
    public byte[] key(int index) {
        return Keys.decode(keys.get(index - 1), Keys.PUBLIC_KEY_BYTES, "authority key");
    }

    private static int number(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, name + " is missing");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DirectoryException(DirectoryException.Kind.MALFORMED_KEY, name + " is not a number: " + value);
        }
    }
}
