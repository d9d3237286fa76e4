package nym.mixnode.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nym.gateway.api.Delivered;
import nym.gateway.api.GatewayProtocolException;

/**
 * One client's stored messages, one file per message in its own folder ({@code <20-digit sequence>.msg}, the
 * {@link Delivered} wire form, written to a temporary file and renamed so a crash never leaves half a message) plus
 * {@code dropped} (how many messages were dropped, oldest first, because the inbox was full). Bounded by
 * {@code capacity}. Survives restarts: the folder is read back at start. Thread-safe (one lock per inbox).
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());
    private static final String SUFFIX = ".msg";

    /** A stored message and its sequence number. */
    public record Stored(long seq, Delivered message) {}

    private final Path dir;
    private final int capacity;
    private final TreeSet<Long> seqs = new TreeSet<>();
    private long nextSeq;
    private long droppedTotal;

    Inbox(Path dir, int capacity) throws IOException {
        this.dir = dir;
        this.capacity = capacity;
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    seqs.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
                } else if (name.endsWith(".tmp")) {
                    Files.delete(f);
                }
            }
        }
        Path dropped = dir.resolve("dropped");
        droppedTotal =
                Files.exists(dropped) ? Long.parseLong(Files.readString(dropped).strip()) : 0;
        nextSeq = seqs.isEmpty() ? 0 : seqs.last() + 1;
    }

    /** Stores {@code message}; if that makes the inbox hold more than its capacity, the oldest is dropped. */
    public synchronized long append(Delivered message) throws IOException {
        long seq = nextSeq++;
        Path tmp = dir.resolve(name(seq) + ".tmp");
        Files.write(tmp, message.toBytes());
        Files.move(tmp, dir.resolve(name(seq)), StandardCopyOption.ATOMIC_MOVE);
        seqs.add(seq);
        while (seqs.size() > capacity) {
            Files.deleteIfExists(dir.resolve(name(seqs.pollFirst())));
            droppedTotal++;
            Path tmpCount = dir.resolve("dropped.tmp");
            Files.writeString(tmpCount, Long.toString(droppedTotal));
            Files.move(
                    tmpCount,
                    dir.resolve("dropped"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return seq;
    }

    /**
     * Up to {@code max} messages after sequence {@code after} (use -1 for all), oldest first, together at most
     * {@code maxBytes} on the wire (at least one message if any waits). Unreadable files are removed and logged.
     */
    public synchronized List<Stored> peek(long after, int max, int maxBytes) {
        List<Stored> out = new ArrayList<>();
        int bytes = 0;
        for (Long seq : List.copyOf(seqs.tailSet(after, false))) {
            if (out.size() >= max) {
                break;
            }
            Delivered d;
            try {
                d = Delivered.fromBytes(Files.readAllBytes(dir.resolve(name(seq))));
            } catch (IOException | GatewayProtocolException e) {
                LOG.log(Level.WARNING, "inbox file " + name(seq) + " unreadable, removed: " + e.getMessage());
                remove(seq);
                continue;
            }
            if (!out.isEmpty() && bytes + d.encodedLength() > maxBytes) {
                break;
            }
            bytes += d.encodedLength();
            out.add(new Stored(seq, d));
        }
        return out;
    }

    /** Removes a delivered message (nothing if it is already gone). */
    public synchronized void remove(long seq) {
        if (seqs.remove(seq)) {
            try {
                Files.deleteIfExists(dir.resolve(name(seq)));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete delivered inbox file " + name(seq), e);
            }
        }
    }

    public synchronized int size() {
        return seqs.size();
    }

    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    private static String name(long seq) {
        return String.format("%020d%s", seq, SUFFIX);
    }
}
