package nym.mixnode.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nym.gateway.api.Delivered;
import nym.gateway.api.GatewayProtocolException;
import nym.mixnode.files.DurableFiles;

/**
 * One client's stored messages, one file per message in its own folder ({@code <20-digit sequence>.msg}, the opaque
 * {@link Delivered} form, written durably: see {@link DurableFiles}) plus {@code dropped} (how many messages were
 * dropped, oldest first, because the inbox was full). Bounded by {@code capacity}; survives restarts.
 *
 * <p>A message leaves only when the client acknowledges its sequence number. Each message has at most one copy in
 * flight: {@link #nextToSend} hands out a message not sent yet, or one whose copy was sent longer than the resend
 * timeout ago (the copy or its acknowledgement was lost), and marks it sent. Every method does file I/O or may wait
 * for one that does: call on the storage executor only. Thread-safe (one lock per inbox).
 */
public final class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());
    private static final String SUFFIX = ".msg";

    /** A stored message and its sequence number. */
    public record Stored(long seq, Delivered message) {}

    private final Path dir;
    private final int capacity;
    private final TreeSet<Long> seqs = new TreeSet<>();
    /** Sequence number → when its copy in flight was sent (System.nanoTime scale). */
    private final Map<Long, Long> sentAt = new HashMap<>();

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

    /**
     * Stores {@code message} durably (on the disk when this returns); if that makes the inbox hold more than its
     * capacity, the oldest message is dropped and counted.
     */
    public synchronized long append(Delivered message) throws IOException {
        long seq = nextSeq++;
        DurableFiles.write(dir.resolve(name(seq)), message.toBytes());
        seqs.add(seq);
        while (seqs.size() > capacity) {
            long oldest = seqs.pollFirst();
            sentAt.remove(oldest);
            DurableFiles.delete(dir.resolve(name(oldest)));
            droppedTotal++;
            DurableFiles.write(
                    dir.resolve("dropped"), Long.toString(droppedTotal).getBytes(StandardCharsets.US_ASCII));
        }
        return seq;
    }

    /**
     * The oldest message without a copy in flight (never sent, or sent at least {@code resendAfterNanos} before
     * {@code nowNanos}), now marked as sent at {@code nowNanos}; null if there is none. Unreadable files are removed
     * and logged.
     */
    public synchronized Stored nextToSend(long nowNanos, long resendAfterNanos) {
        for (Long seq : seqs.stream().toList()) {
            Long sent = sentAt.get(seq);
            if (sent != null && nowNanos - sent < resendAfterNanos) {
                continue;
            }
            Delivered message;
            try {
                message = Delivered.fromBytes(Files.readAllBytes(dir.resolve(name(seq))));
            } catch (IOException | GatewayProtocolException e) {
                LOG.log(Level.WARNING, "inbox file " + name(seq) + " unreadable, removed: " + e.getMessage());
                forget(seq);
                continue;
            }
            sentAt.put(seq, nowNanos);
            return new Stored(seq, message);
        }
        return null;
    }

    /** A new session starts: no copy of the previous one is in flight any more. */
    public synchronized void forgetInFlight() {
        sentAt.clear();
    }

    /** The client stored message {@code seq}: it leaves the inbox (durably). Nothing if it is already gone. */
    public synchronized void acknowledge(long seq) throws IOException {
        if (seqs.remove(seq)) {
            sentAt.remove(seq);
            DurableFiles.delete(dir.resolve(name(seq)));
        }
    }

    public synchronized int size() {
        return seqs.size();
    }

    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    /** Removes every message and the folder (the inbox expired). */
    synchronized void destroy() throws IOException {
        seqs.clear();
        sentAt.clear();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        DurableFiles.syncFolder(dir.getParent());
    }

    private void forget(long seq) {
        seqs.remove(seq);
        sentAt.remove(seq);
        try {
            Files.deleteIfExists(dir.resolve(name(seq)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete inbox file " + name(seq), e);
        }
    }

    private static String name(long seq) {
        return String.format("%020d%s", seq, SUFFIX);
    }
}
