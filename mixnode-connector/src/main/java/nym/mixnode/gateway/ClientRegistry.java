package nym.mixnode.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nym.directory.api.Keys;

/**
 * The clients registered with this gateway and their tokens. Only SHA-256 of each token is kept, in memory and in
 * {@code <data>/clients/<client id hex>.token}, so registrations survive a restart and a copy of the data folder does
 * not reveal tokens. Tokens are compared in constant time. Thread-safe.
 */
public final class ClientRegistry {

    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> tokenHashes = new ConcurrentHashMap<>();

    public ClientRegistry(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".token")).toList()) {
                String name = f.getFileName().toString();
                tokenHashes.put(
                        name.substring(0, name.length() - ".token".length()),
                        HEX.parseHex(Files.readString(f).strip()));
            }
        }
    }

    /** Registers (or re-registers) {@code clientId}; returns the new token. */
    public byte[] register(byte[] clientId) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        String id = HEX.formatHex(clientId);
        byte[] hash = sha256(token);
        try {
            Path tmp = dir.resolve(id + ".tmp");
            Files.writeString(tmp, HEX.formatHex(hash) + "\n");
            Files.move(
                    tmp,
                    dir.resolve(id + ".token"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the registration", e);
        }
        tokenHashes.put(id, hash);
        return token;
    }

    public boolean authenticates(byte[] clientId, byte[] token) {
        byte[] expected = tokenHashes.get(HEX.formatHex(clientId));
        return expected != null && MessageDigest.isEqual(expected, sha256(token));
    }

    public boolean isRegistered(byte[] clientId) {
        return tokenHashes.containsKey(HEX.formatHex(clientId));
    }

    /** Registered client identifiers in the key text form (unpadded base64url), as the presence lists them. */
    public List<String> clientIds() {
        return tokenHashes.keySet().stream()
                .map(hex -> Keys.encode(HEX.parseHex(hex)))
                .toList();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
