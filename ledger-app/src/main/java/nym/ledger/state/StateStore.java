package nym.ledger.state;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * The committed state: a sorted map held in memory, persisted as an append-only log of per-commit change sets
 * ({@code state.log}). Each record carries the height, the app hash and a CRC; a torn last record (crash while
 * writing) is cut off on open, so a restart resumes at the last complete commit. On open, a long log is compacted
 * into one snapshot record (written aside, then atomically renamed).
 */
public final class StateStore implements StateView, AutoCloseable {
    private static final int MAGIC = 0x4e594d4c; // "NYML"
    private static final int COMPACT_AFTER_RECORDS = 512;

    private final TreeMap<String, byte[]> map = new TreeMap<>();
    private final Path file;
    private FileChannel channel;
    private long height;
    private byte[] appHash = new byte[0];

    private StateStore(Path file) {
        this.file = file;
    }

    /** A store that keeps nothing on disk (tests, tools). */
    public static StateStore inMemory() {
        return new StateStore(null);
    }

    /** Opens (or creates) the store in {@code dir}, replaying its log. */
    public static StateStore open(Path dir) {
        StateStore s = new StateStore(dir.resolve("state.log"));
        try {
            Files.createDirectories(dir);
            int records = s.replay();
            if (records > COMPACT_AFTER_RECORDS) {
                s.compact();
            }
            s.channel = FileChannel.open(
                    s.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LedgerException(Kind.STORAGE, "cannot open state in " + dir + ": " + e.getMessage(), e);
        }
        return s;
    }

    public long height() {
        return height;
    }

    public byte[] appHash() {
        return appHash.clone();
    }

    @Override
    public byte[] get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    /** Entries whose key starts with {@code prefix}, in key order. */
    public NavigableMap<String, byte[]> prefix(String prefix) {
        return map.subMap(prefix, true, prefix + '\uffff', false);
    }

    public int size() {
        return map.size();
    }

    /** Applies a change set (null value = delete). */
    /**
     * Applies uncommitted changes (null value: delete) to the in-memory state and returns what undoes them, in the
     * same form: each key's previous value, or null where it was absent.
     */
    public Map<String, byte[]> apply(Map<String, byte[]> changes) {
        Map<String, byte[]> undo = new java.util.HashMap<>();
        changes.forEach((k, v) -> {
            byte[] previous = v == null ? map.remove(k) : map.put(k, v);
            undo.putIfAbsent(k, previous);
        });
        return undo;
    }

    /**
     * SHA-256 over every entry in key order, each as len(key) || key || len(value) || value (32-bit big-endian
     * lengths). Identical on every node that applied the same blocks.
     */
    public byte[] computeHash() {
        MessageDigest md = sha256();
        ByteBuffer len = ByteBuffer.allocate(4);
        for (Map.Entry<String, byte[]> e : map.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            md.update(len.clear().putInt(k.length).array());
            md.update(k);
            md.update(len.clear().putInt(e.getValue().length).array());
            md.update(e.getValue());
        }
        return md.digest();
    }

    /** Records a commit: appends the change set with its height and app hash, and forces it to disk. */
    public void commit(long newHeight, byte[] newAppHash, Map<String, byte[]> changes) {
        this.height = newHeight;
        this.appHash = newAppHash.clone();
        if (channel == null) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(encodeRecord(newHeight, newAppHash, new TreeMap<>(changes)));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new LedgerException(Kind.STORAGE, "cannot persist commit " + newHeight + ": " + e.getMessage(), e);
        }
    }

    private static byte[] encodeRecord(long h, byte[] hash, Map<String, byte[]> changes) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bos);
        out.writeInt(MAGIC);
        out.writeLong(h);
        out.writeInt(hash.length);
        out.write(hash);
        out.writeInt(changes.size());
        for (Map.Entry<String, byte[]> e : changes.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeInt(k.length);
            out.write(k);
            if (e.getValue() == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bos.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bos.toByteArray();
    }

    private int replay() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int records = 0;
        long good = 0;
        try (InputStream raw = Files.newInputStream(file);
                CountingInput counting = new CountingInput(raw);
                DataInputStream in = new DataInputStream(counting)) {
            while (true) {
                long start = counting.count;
                try {
                    if (in.readInt() != MAGIC) {
                        break;
                    }
                    ByteArrayOutputStream copy = new ByteArrayOutputStream();
                    DataOutputStream c = new DataOutputStream(copy);
                    c.writeInt(MAGIC);
                    long h = in.readLong();
                    c.writeLong(h);
                    int hl = in.readInt();
                    if (hl < 0 || hl > 64) {
                        break;
                    }
                    byte[] hash = in.readNBytes(hl);
                    c.writeInt(hl);
                    c.write(hash);
                    int n = in.readInt();
                    c.writeInt(n);
                    Map<String, byte[]> changes = new TreeMap<>();
                    for (int i = 0; i < n; i++) {
                        int kl = in.readInt();
                        byte[] k = readExactly(in, kl);
                        int vl = in.readInt();
                        byte[] v = vl < 0 ? null : readExactly(in, vl);
                        c.writeInt(kl);
                        c.write(k);
                        c.writeInt(vl);
                        if (v != null) {
                            c.write(v);
                        }
                        changes.put(new String(k, StandardCharsets.UTF_8), v);
                    }
                    c.flush();
                    long crc = in.readLong();
                    CRC32 check = new CRC32();
                    check.update(copy.toByteArray());
                    if (check.getValue() != crc) {
                        break;
                    }
                    apply(changes);
                    height = h;
                    appHash = hash;
                    records++;
                    good = counting.count;
                } catch (EOFException e) {
                    good = Math.max(good, start);
                    break;
                }
            }
        }
        if (Files.size(file) != good) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(good); // drop a torn or corrupt tail
            }
        }
        return records;
    }

    private static byte[] readExactly(DataInputStream in, int n) throws IOException {
        if (n < 0 || n > (64 << 20)) {
            throw new EOFException("bad length");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return b;
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling("state.log.tmp");
        Map<String, byte[]> all = new TreeMap<>(map);
        Files.write(tmp, encodeRecord(height, appHash, all));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing on shutdown; the last commit was already forced
            }
            channel = null;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(new java.io.BufferedInputStream(in, 1 << 16));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
