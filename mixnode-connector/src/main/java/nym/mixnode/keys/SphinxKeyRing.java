package nym.mixnode.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nym.mixnode.files.DurableFiles;
import nym.mixnode.metrics.ReplayFilterGauges;
import nym.mixnode.replay.BloomReplayFilter;
import nym.mixnode.replay.ReplayFilterFile;
import nym.mixnode.replay.ReplayFilterSettings;
import nym.sphinx.NodeKeyPair;

/**
 * The node's Sphinx keys by epoch, each with the replay filter of the packets it opened. Keys are stored in {@code
 * <keys>/sphinx/<epoch>.key} (the 32-byte X25519 secret, unpadded base64url, mode 0600, written atomically), filters
 * in {@code <replay>/<epoch>.bloom} ({@link ReplayFilterFile}).
 *
 * <p>{@link #advance} follows the epoch the node's newest verified document names: it keeps keys for the current
 * epoch and the two after it (the document built during epoch E lists keys for E + 1 and E + 2, so they are announced
 * ahead), keeps the previous epoch's key while its grace lasts, and deletes older keys with their filters. Packets are
 * tried with {@link #openKeys()}: the current key, the previous one in its grace, the next one (a sender that switched
 * a little early); only those three have a filter in memory.
 *
 * <p>Filters are written every {@link ReplayFilterSettings#persistInterval()} by a thread of their own (off the packet
 * path; a filter with nothing new is not rewritten) and on {@link #close()}; at start a key's filter is read back,
 * and a file that is corrupt or belongs to another key is refused (logged, counted in {@link #gauges()}) and replaced by
 * an empty filter.
 */
public final class SphinxKeyRing implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SphinxKeyRing.class.getName());
    /** {@link #currentEpoch()} before the first {@link #advance}. */
    public static final long NO_EPOCH = -1;
    /** The single Sphinx key of earlier versions, in {@code <keys>/}; replaced by the ring. */
    static final String LEGACY_SPHINX_FILE = "sphinx.key";

    private static final Pattern KEY_FILE = Pattern.compile("(\\d{1,18})\\.key");
    private static final String FILTER_SUFFIX = ".bloom";
    /** Keys announced: the current epoch and the two after it. */
    private static final int AHEAD = 2;

    /** A key of one epoch. */
    public record EpochKey(long epoch, NodeKeyPair pair) {}

    /** A key packets may be opened with now, and the replay filter of what it opened. */
    public record OpenKey(long epoch, NodeKeyPair pair, BloomReplayFilter filter) {}

    private final Path dir;
    private final Path replayDir;
    private final ReplayFilterSettings settings;
    private final SecureRandom random;
    private final LongSupplier clockMillis;
    /** Guarded by this. */
    private final TreeMap<Long, NodeKeyPair> keys = new TreeMap<>();
    /** Guarded by this. */
    private final Map<Long, BloomReplayFilter> filters = new HashMap<>();
    /** Guarded by this. */
    private long current = NO_EPOCH;

    private volatile List<OpenKey> open = List.of();
    /** Serialises file work on filters (persisting, loading, deleting); never held while waiting for this. */
    private final Object files = new Object();
    /** Per epoch, the insertion count last written; guarded by {@link #files}. */
    private final Map<Long, Long> written = new HashMap<>();

    private final AtomicLong refusedFiles = new AtomicLong();
    private ScheduledExecutorService persister;
    private boolean closed;

    private SphinxKeyRing(
            Path dir, Path replayDir, ReplayFilterSettings settings, SecureRandom random, LongSupplier clockMillis) {
        this.dir = dir;
        this.replayDir = replayDir;
        this.settings = settings;
        this.random = random;
        this.clockMillis = clockMillis;
    }

    /**
     * Opens the ring in {@code keysDir/sphinx/} (created if missing) with its filters in {@code replayDir}, loading
     * every stored key. Before the first {@link #advance} the ring opens no packets. A node home of an earlier version
     * holds a single {@code keysDir/sphinx.key}: it is deleted (the identity in the same folder stays) and logged, the
     * ring starts empty.
     */
    public static SphinxKeyRing open(
            Path keysDir, Path replayDir, ReplayFilterSettings settings, SecureRandom random, LongSupplier clockMillis)
            throws IOException {
        Path dir = keysDir.resolve("sphinx");
        Files.createDirectories(dir);
        Files.createDirectories(replayDir);
        Path legacy = keysDir.resolve(LEGACY_SPHINX_FILE);
        if (Files.exists(legacy)) {
            DurableFiles.delete(legacy);
            LOG.warning("deleted keys/" + LEGACY_SPHINX_FILE + " of an earlier version: Sphinx keys now change every "
                    + "epoch and are kept in keys/sphinx/ (a fresh set is made); the identity key is unchanged");
        }
        SphinxKeyRing ring = new SphinxKeyRing(dir, replayDir, settings, random, clockMillis);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = KEY_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    ring.keys.put(Long.parseLong(m.group(1)), NodeKeyPair.fromPrivateKey(SecretFiles.read(file)));
                }
            }
        }
        ring.deleteFiltersWithoutKey();
        LOG.info(() -> "Sphinx keys held for epochs " + ring.keys.keySet());
        return ring;
    }

    /** A filter file whose key is gone (a crash between deleting the two) is of no use: deleted. */
    private void deleteFiltersWithoutKey() throws IOException {
        try (Stream<Path> stored = Files.list(replayDir)) {
            for (Path file : (Iterable<Path>) stored::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(FILTER_SUFFIX)
                        && !keys.containsKey(parseEpoch(name.substring(0, name.length() - FILTER_SUFFIX.length())))) {
                    DurableFiles.delete(file);
                }
            }
        }
    }

    private static long parseEpoch(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return NO_EPOCH;
        }
    }

    /**
     * Follows the epoch of the newest verified document: keys for {@code currentEpoch} .. {@code currentEpoch} + 2
     * exist afterwards (missing ones generated and stored; a key that cannot be stored is not used and tried again next
     * time), keys and filters of epochs before {@code currentEpoch} − 1 are deleted, and so is the key of {@code
     * currentEpoch} − 1 once the clock has passed {@code previousKeyExpiresAtMillis} (the previous document's
     * validUntil, the end of its grace). A new filter is designed for the peak rate over {@code epochMillis} and its
     * grace. An older epoch than the one held is ignored.
     */
    public void advance(long currentEpoch, long previousKeyExpiresAtMillis, long epochMillis) {
        List<Long> retired = new ArrayList<>();
        synchronized (this) {
            if (currentEpoch < current) {
                LOG.fine(() -> "epoch " + currentEpoch + " is older than the held " + current + ": ignored");
                return;
            }
            current = currentEpoch;
            boolean previousInGrace = clockMillis.getAsLong() <= previousKeyExpiresAtMillis;
            for (long epoch : List.copyOf(keys.keySet())) {
                if (epoch < currentEpoch - 1 || (epoch == currentEpoch - 1 && !previousInGrace)) {
                    keys.remove(epoch);
                    filters.remove(epoch);
                    retired.add(epoch);
                }
            }
            for (long epoch = currentEpoch; epoch <= currentEpoch + AHEAD; epoch++) {
                if (!keys.containsKey(epoch)) {
                    generate(epoch);
                }
            }
            List<OpenKey> next = new ArrayList<>();
            for (long epoch : new long[] {currentEpoch, currentEpoch - 1, currentEpoch + 1}) {
                NodeKeyPair pair = keys.get(epoch);
                if (pair != null) {
                    next.add(new OpenKey(
                            epoch, pair, filters.computeIfAbsent(epoch, e -> filterFor(e, pair, epochMillis))));
                }
            }
            open = List.copyOf(next);
        }
        for (long epoch : retired) {
            delete(epoch);
        }
    }

    private void generate(long epoch) {
        NodeKeyPair pair = NodeKeyPair.generate(random);
        try {
            SecretFiles.write(keyFile(epoch), pair.privateKeyBytes());
            keys.put(epoch, pair);
            LOG.info(() -> "new Sphinx key for epoch " + epoch + ": " + pair.publicKey());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "the Sphinx key of epoch " + epoch + " could not be stored (not used, retried)", e);
        }
    }

    /** The stored filter of this key if it reads back whole, else an empty one designed for an epoch's load. */
    private BloomReplayFilter filterFor(long epoch, NodeKeyPair pair, long epochMillis) {
        Path file = filterFile(epoch);
        synchronized (files) {
            if (Files.exists(file)) {
                try {
                    BloomReplayFilter loaded = ReplayFilterFile.read(file, epoch, pair.publicKey());
                    written.put(epoch, loaded.inserted());
                    LOG.info(() -> "replay filter of epoch " + epoch + " read back: " + loaded.inserted() + " packets");
                    return loaded;
                } catch (ReplayFilterFile.Refused | IOException e) {
                    refusedFiles.incrementAndGet();
                    LOG.warning("replay filter file " + file.getFileName() + " refused (" + e.getMessage()
                            + "): an empty filter replaces it");
                }
            }
        }
        return BloomReplayFilter.designed(epoch, settings.capacityFor(epochMillis), settings.falsePositiveRate());
    }

    private void delete(long epoch) {
        synchronized (files) {
            written.remove(epoch);
            try {
                DurableFiles.delete(keyFile(epoch));
                DurableFiles.delete(filterFile(epoch));
                LOG.info(() -> "Sphinx key of epoch " + epoch + " and its replay filter deleted");
            } catch (IOException e) {
                LOG.log(Level.WARNING, "the key or filter of epoch " + epoch + " could not be deleted", e);
            }
        }
    }

    /** The keys to announce: the current epoch and the two after it, in epoch order (empty before the first advance). */
    public synchronized List<EpochKey> announced() {
        if (current == NO_EPOCH) {
            return List.of();
        }
        List<EpochKey> out = new ArrayList<>();
        keys.subMap(current, true, current + AHEAD, true).forEach((e, pair) -> out.add(new EpochKey(e, pair)));
        return out;
    }

    /** The epoch of the last {@link #advance}, {@link #NO_EPOCH} before it. */
    public synchronized long currentEpoch() {
        return current;
    }

    /**
     * The keys to try on a packet, in order: the current one, the previous one while in grace, the next one. The same
     * list object until the ring changes, so a worker rebuilds its processors only then.
     */
    public List<OpenKey> openKeys() {
        return open;
    }

    /** Every filter that has recorded something since it was last written goes to disk. */
    public void persist() throws IOException {
        synchronized (files) {
            for (OpenKey key : open) {
                BloomReplayFilter filter = key.filter();
                long inserted = filter.inserted();
                Long last = written.get(key.epoch());
                if (last == null || last != inserted) {
                    ReplayFilterFile.write(
                            filterFile(key.epoch()), filter, key.pair().publicKey());
                    written.put(key.epoch(), inserted);
                }
            }
        }
    }

    /** Writes the filters every {@link ReplayFilterSettings#persistInterval()} on a thread of the ring's own. */
    public synchronized void startPersisting() {
        if (persister != null || closed) {
            return;
        }
        persister = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replay-filter-persister");
            t.setDaemon(true);
            return t;
        });
        long millis = settings.persistInterval().toMillis();
        persister.scheduleWithFixedDelay(this::persistLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void persistLogged() {
        try {
            persist();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "replay filters not written (tried again next interval)", e);
        }
    }

    /** Filling and false-positive rate of each filter in use, for the local metrics endpoint. */
    public ReplayFilterGauges gauges() {
        List<ReplayFilterGauges.Filter> out = new ArrayList<>();
        for (OpenKey key : open) {
            BloomReplayFilter f = key.filter();
            double fill = f.fillRatio();
            out.add(new ReplayFilterGauges.Filter(
                    key.epoch(), fill, Math.pow(fill, f.hashes()), f.inserted(), f.capacity(), f.saturated()));
        }
        return new ReplayFilterGauges(out, refusedFiles.get());
    }

    /** Stops the periodic writes and writes every filter once more (shutdown, after the workers have stopped). */
    @Override
    public void close() throws IOException, InterruptedException {
        ScheduledExecutorService stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = persister;
        }
        if (stopping != null) {
            stopping.shutdown();
            stopping.awaitTermination(1, TimeUnit.MINUTES);
        }
        persist();
    }

    private Path keyFile(long epoch) {
        return dir.resolve(epoch + ".key");
    }

    private Path filterFile(long epoch) {
        return replayDir.resolve(epoch + FILTER_SUFFIX);
    }
}
