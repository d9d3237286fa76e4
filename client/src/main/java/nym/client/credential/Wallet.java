package nym.client.credential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.client.keys.SecretFiles;

/**
 * The holder's credentials in {@code <home>/credentials/<request id>.credential}, one file each, mode 0600, replaced
 * atomically on every step (a crash leaves the previous state, never half a file).
 */
public final class Wallet {

    private static final Logger LOG = Logger.getLogger(Wallet.class.getName());
    private static final String SUFFIX = ".credential";

    private final Path folder;

    public Wallet(Path home) {
        this.folder = home.resolve("credentials");
    }

    public void save(StoredCredential c) {
        SecretFiles.replaceText(file(c.requestId()), c.render().strip());
    }

    public StoredCredential load(String requestId) {
        Path f = file(requestId);
        if (!Files.exists(f)) {
            throw new ClientException(Kind.CREDENTIAL, "no stored credential for request " + requestId);
        }
        return StoredCredential.parse(SecretFiles.readText(f), f.toString());
    }

    /** The most recently changed credential: what step commands work on without {@code --request}. */
    public StoredCredential latest() {
        return files().stream()
                .max(Comparator.comparing(Wallet::modified))
                .map(f -> StoredCredential.parse(SecretFiles.readText(f), f.toString()))
                .orElseThrow(() -> new ClientException(
                        Kind.CREDENTIAL, "no stored credential: run `nymclient credential request` first"));
    }

    /**
     * The credentials a payment may use ({@link StoredCredential#spendable()}), the oldest first (by the time their
     * file last changed: when they were collected). A file that does not read is skipped, not fatal: it cannot pay.
     */
    public List<StoredCredential> spendable() {
        return files().stream()
                .sorted(Comparator.comparing(Wallet::modified).thenComparing(Path::toString))
                .flatMap(f -> {
                    try {
                        return Stream.of(StoredCredential.parse(SecretFiles.readText(f), f.toString()));
                    } catch (ClientException e) {
                        LOG.warning("skipping a credential file that does not read: " + e.getMessage());
                        return Stream.empty();
                    }
                })
                .filter(StoredCredential::spendable)
                .toList();
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException e) {
            throw new ClientException(Kind.CREDENTIAL, "cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new ClientException(Kind.CREDENTIAL, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private Path file(String requestId) {
        if (!requestId.matches("[0-9A-F]{64}")) {
            throw new ClientException(Kind.CREDENTIAL, "a request id is 64 uppercase hex digits");
        }
        return folder.resolve(requestId + SUFFIX);
    }
}
