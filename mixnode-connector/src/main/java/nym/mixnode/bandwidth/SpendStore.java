package nym.mixnode.bandwidth;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.mixnode.files.DurableFiles;

/**
 * The spends this gateway accepted, one file each ({@code data/bandwidth/spends/spend-<seq>}, a {@link SpendRecord}
 * written with {@link DurableFiles}), all of them read at start: so ζ is never accepted twice here and unfinished
 * redemptions resume after a restart. Records are kept after they finish (a settled ζ is refused by the ledger anyway;
 * a taken-back one would otherwise be accepted again here). Thread-safe.
 */
public final class SpendStore {

    private static final Pattern NAME = Pattern.compile("spend-([1-9][0-9]{0,18})");
    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;
    private final Map<String, SpendRecord> byZeta = new HashMap<>();
    private long lastSeq;

    private SpendStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads every record under {@code dir} (created when missing).
     *
     * @throws IOException when a record cannot be read or is malformed, naming the file (the gateway does not start
     *     on a record it cannot trust)
     */
    public static SpendStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        SpendStore store = new SpendStore(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    continue; // a write the crash interrupted: its record was never acknowledged
                }
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    throw new IOException(file + " is not a spend record (spend-<seq>): remove it");
                }
                SpendRecord record;
                try {
                    record = SpendRecord.parse(Files.readAllBytes(file));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + " is a malformed spend record: " + e.getMessage());
                }
                if (record.seq() != Long.parseLong(m.group(1))) {
                    throw new IOException(file + " holds spend " + record.seq() + ", not the one of its name");
                }
                if (store.byZeta.put(record.zetaHex(), record) != null) {
                    throw new IOException(file + " repeats the ζ of another spend record");
                }
                store.lastSeq = Math.max(store.lastSeq, record.seq());
            }
        }
        return store;
    }

    public synchronized boolean contains(byte[] zeta) {
        return byZeta.containsKey(HEX.formatHex(zeta));
    }

    public synchronized Optional<SpendRecord> find(byte[] zeta) {
        return Optional.ofNullable(byZeta.get(HEX.formatHex(zeta)));
    }

    /**
     * Records a new accepted spend under the next sequence number, on disk before it returns; empty (nothing written)
     * when ζ is recorded already. Checked and written under one lock: of two spends of one ζ exactly one is recorded.
     */
    public synchronized Optional<SpendRecord> addAccepted(
            byte[] zeta, byte[] clientId, long value, long keyEpoch, byte[] nonce, byte[] theta, long granted)
            throws IOException {
        if (contains(zeta)) {
            return Optional.empty();
        }
        SpendRecord record = SpendRecord.accepted(lastSeq + 1, zeta, clientId, value, keyEpoch, nonce, theta, granted);
        write(record);
        lastSeq = record.seq();
        return Optional.of(record);
    }

    /** Replaces a record by its next state, on disk before it returns. */
    public synchronized void update(SpendRecord record) throws IOException {
        if (!contains(record.zeta())) {
            throw new IllegalArgumentException("no spend of this ζ is recorded");
        }
        write(record);
    }

    private void write(SpendRecord record) throws IOException {
        DurableFiles.write(dir.resolve("spend-" + record.seq()), record.toText());
        byZeta.put(record.zetaHex(), record);
    }

    /** The spends recorded under a sequence number above {@code seq}, in order of acceptance. */
    public synchronized List<SpendRecord> recordedAfter(long seq) {
        List<SpendRecord> out = new ArrayList<>();
        for (SpendRecord r : byZeta.values()) {
            if (r.seq() > seq) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(SpendRecord::seq));
        return out;
    }

    /** The spends whose redemption is not finished, in order of acceptance. */
    public synchronized List<SpendRecord> unfinished() {
        List<SpendRecord> out = new ArrayList<>();
        for (SpendRecord r : byZeta.values()) {
            if (!r.status().finished()) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(SpendRecord::seq));
        return out;
    }
}
