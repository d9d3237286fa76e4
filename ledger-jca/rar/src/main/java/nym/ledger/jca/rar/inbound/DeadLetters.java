package nym.ledger.jca.rar.inbound;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import nym.ledger.jca.EventAttribute;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;

/**
 * Events a consumer refused {@code maxDeliveries} times, one file per subscriber, one JSON object per line
 * ({@code <subscriber>.deadletters.jsonl}: id, type, txHash, attributes, attempts, error, at), appended and forced to
 * disk before delivery goes on. What the operator reads to handle them by hand; the stream reads the ids back when
 * it starts, so a dead letter the consumer's cursor is still before is not delivered again.
 */
public final class DeadLetters {

    private final Path dir;

    public DeadLetters(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The file of a subscriber (its name made file-safe, with a hash so two names never share a file). */
    public Path file(String subscriber) {
        StringBuilder b = new StringBuilder();
        for (char c : subscriber.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        b.append('-').append(Integer.toHexString(subscriber.hashCode()));
        return dir.resolve(b + ".deadletters.jsonl");
    }

    /** The ids of a subscriber's dead letters. */
    public Set<EventId> ids(String subscriber) throws LedgerException {
        Path f = file(subscriber);
        Set<EventId> ids = new HashSet<>();
        try {
            if (!Files.exists(f)) {
                return ids;
            }
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try (var reader = Json.createReader(new java.io.StringReader(line))) {
                    ids.add(EventId.parse(reader.readObject().getString("id")));
                } catch (RuntimeException torn) {
                    // a line cut short by a crash while appending: its event was not dead-lettered yet
                }
            }
            return ids;
        } catch (IOException e) {
            throw new LedgerException(
                    LedgerException.Kind.CONFIGURATION, "cannot read dead letters " + f + ": " + e.getMessage(), e);
        }
    }

    /** Appends a dead letter and forces it to disk. */
    public void record(String subscriber, LedgerEvent event, int attempts, Throwable error) throws LedgerException {
        JsonArrayBuilder attributes = Json.createArrayBuilder();
        for (EventAttribute a : event.attributes()) {
            attributes.add(Json.createObjectBuilder().add("key", a.key()).add("value", a.value()));
        }
        JsonObject line = Json.createObjectBuilder()
                .add("id", event.id().toString())
                .add("type", event.type())
                .add("txHash", event.txHash())
                .add("attributes", attributes)
                .add("attempts", attempts)
                .add("error", String.valueOf(error))
                .add("at", Instant.now().toString())
                .build();
        Path f = file(subscriber);
        try {
            Files.createDirectories(dir);
            try (FileChannel c = FileChannel.open(
                    f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                c.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                c.force(true);
            }
        } catch (IOException e) {
            throw new LedgerException(
                    LedgerException.Kind.CONFIGURATION, "cannot write dead letter to " + f + ": " + e.getMessage(), e);
        }
    }
}
