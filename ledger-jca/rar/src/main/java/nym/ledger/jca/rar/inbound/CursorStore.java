package nym.ledger.jca.rar.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerException;

/**
 * The last event id delivered to each consumer, one small file per subscriber in a directory that outlives
 * deployments (by default under the server instance's root, so each instance of a deployment group keeps its own).
 * Written after every delivered event by replacing the file atomically, so a crash leaves either the old or the
 * new cursor, never a torn one.
 */
public final class CursorStore {

    private final Path dir;

    public CursorStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    private Path file(String subscriber) {
        StringBuilder b = new StringBuilder();
        for (char c : subscriber.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        b.append('-').append(Integer.toHexString(subscriber.hashCode()));
        return dir.resolve(b + ".cursor");
    }

    /**
     * A consumer's position: the last event id handled, on the chain named by {@code chain} (see
     * {@code RpcClient#chainIdentity}; {@code null} if unknown).
     */
    public record Cursor(EventId id, String chain) {}

    public Optional<Cursor> load(String subscriber) throws LedgerException {
        Path f = file(subscriber);
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(f, StandardCharsets.UTF_8).trim().split("\\s+", 2);
            return Optional.of(new Cursor(EventId.parse(parts[0]), parts.length > 1 ? parts[1] : null));
        } catch (IOException | IllegalArgumentException e) {
            throw new LedgerException(
                    LedgerException.Kind.CONFIGURATION, "cannot read cursor " + f + ": " + e.getMessage(), e);
        }
    }

    public void save(String subscriber, EventId id, String chain) throws LedgerException {
        Path f = file(subscriber);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "cursor", ".tmp");
            Files.writeString(tmp, id + (chain == null ? "" : " " + chain) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LedgerException(
                    LedgerException.Kind.CONFIGURATION, "cannot write cursor " + f + ": " + e.getMessage(), e);
        }
    }
}
