package nym.mixnode.bandwidth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import nym.mixnode.files.DurableFiles;

/**
 * The clients' balances in bytes, kept in memory and in one file ({@code data/bandwidth/balances}). A credit or a
 * take-back is written (with {@link DurableFiles}) before its call returns, so a client is never told of bandwidth a
 * restart would forget. Charges only change memory and reach the file at the next {@link #flush} (every
 * {@code bandwidth.flush_interval_ms} and at shutdown): a crash forgets at most that interval's usage, in the
 * clients' favour. Balances never go below zero. Thread-safe: charges come from event loops and the storage
 * executor, credits from the spend desk, take-backs from the redeemer.
 *
 * <p>The file also holds the sequence number of the last spend credited ({@link #creditedThrough}): a spend is
 * recorded before it is credited, so after a crash between the two the spends above that number are credited again
 * at start, exactly once. Layout: {@code magic u32 "NYMB" | version u8 (1) | creditedThrough i64 | count u32 |
 * count × (clientId[32] | balance i64 > 0) | crc32 u32} of everything before it.
 */
public final class BandwidthBalances implements BandwidthMeter {

    private static final int MAGIC = 0x4e594d42;
    private static final int VERSION = 1;
    private static final int ID_BYTES = 32;
    private static final int HEADER = 4 + 1 + 8 + 4;
    private static final int ENTRY = ID_BYTES + 8;
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final long packetCost;
    private final Map<String, Long> balances;
    private final Object fileLock = new Object();
    private long creditedThrough;
    private boolean dirty;

    private BandwidthBalances(Path file, long packetCost, Map<String, Long> balances, long creditedThrough) {
        this.file = file;
        this.packetCost = packetCost;
        this.balances = balances;
        this.creditedThrough = creditedThrough;
    }

    /**
     * Reads {@code file} (none yet: no balances).
     *
     * @param packetCost bytes one packet costs: the network's Sphinx packet size
     * @throws IOException when the file cannot be read or is malformed (the message says why; nothing is changed)
     */
    public static BandwidthBalances open(Path file, long packetCost) throws IOException {
        if (packetCost < 1) {
            throw new IllegalArgumentException("a packet costs at least one byte");
        }
        if (!Files.exists(file)) {
            return new BandwidthBalances(file, packetCost, new HashMap<>(), 0);
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        try {
            return read(file, packetCost, in);
        } catch (IllegalStateException e) {
            throw new IOException(file + " is malformed (" + e.getMessage() + "): the gateway will not guess its"
                    + " clients' balances; restore it or move it away to start with none");
        }
    }

    private static BandwidthBalances read(Path file, long packetCost, ByteBuffer in) {
        check(in.remaining() >= HEADER + 4, "shorter than its header");
        CRC32 crc = new CRC32();
        crc.update(in.array(), 0, in.limit() - 4);
        check((int) crc.getValue() == in.getInt(in.limit() - 4), "checksum does not match");
        check(in.getInt() == MAGIC, "not a balances file");
        check(in.get() == VERSION, "unknown version");
        long through = in.getLong();
        check(through >= 0, "negative spend sequence");
        long count = in.getInt() & 0xffffffffL;
        check(in.remaining() - 4 == count * ENTRY, "length does not match " + count + " entries");
        Map<String, Long> balances = new HashMap<>();
        byte[] id = new byte[ID_BYTES];
        for (long i = 0; i < count; i++) {
            in.get(id);
            long balance = in.getLong();
            check(balance > 0, "a balance is not positive");
            check(balances.put(HEX.formatHex(id), balance) == null, "a client appears twice");
        }
        return new BandwidthBalances(file, packetCost, balances, through);
    }

    private static void check(boolean ok, String why) {
        if (!ok) {
            throw new IllegalStateException(why);
        }
    }

    @Override
    public boolean chargePacket(byte[] clientId) {
        String key = HEX.formatHex(clientId);
        synchronized (balances) {
            long left = balances.getOrDefault(key, 0L);
            if (left < packetCost) {
                return false;
            }
            put(key, left - packetCost);
            dirty = true;
            return true;
        }
    }

    @Override
    public void refundPacket(byte[] clientId) {
        String key = HEX.formatHex(clientId);
        synchronized (balances) {
            put(key, balances.getOrDefault(key, 0L) + packetCost);
            dirty = true;
        }
    }

    @Override
    public long balance(byte[] clientId) {
        synchronized (balances) {
            return balances.getOrDefault(HEX.formatHex(clientId), 0L);
        }
    }

    /** Bytes one packet costs. */
    public long packetCost() {
        return packetCost;
    }

    /** The highest spend sequence number credited so far. */
    public long creditedThrough() {
        synchronized (balances) {
            return creditedThrough;
        }
    }

    /**
     * Adds {@code bytes} for spend {@code spendSeq} and writes the file before returning; the new balance.
     *
     * @throws IOException when the file cannot be written (the balance in memory then holds the credit)
     */
    public long credit(byte[] clientId, long bytes, long spendSeq) throws IOException {
        if (bytes < 0) {
            throw new IllegalArgumentException("a credit is not negative");
        }
        String key = HEX.formatHex(clientId);
        long after;
        synchronized (balances) {
            after = Math.addExact(balances.getOrDefault(key, 0L), bytes);
            put(key, after);
            creditedThrough = Math.max(creditedThrough, spendSeq);
            dirty = true;
        }
        flush();
        return after;
    }

    /** Takes up to {@code bytes} back (never below zero), written before returning; how many bytes were taken. */
    public long takeBack(byte[] clientId, long bytes) throws IOException {
        String key = HEX.formatHex(clientId);
        long taken;
        synchronized (balances) {
            long left = balances.getOrDefault(key, 0L);
            taken = Math.min(left, bytes);
            put(key, left - taken);
            dirty = true;
        }
        flush();
        return taken;
    }

    private void put(String key, long balance) {
        if (balance == 0) {
            balances.remove(key);
        } else {
            balances.put(key, balance);
        }
    }

    /** Writes the balances if anything changed since the last write (blocking: never on an event loop). */
    public void flush() throws IOException {
        synchronized (fileLock) {
            byte[] bytes;
            synchronized (balances) {
                if (!dirty) {
                    return;
                }
                bytes = encode();
                dirty = false;
            }
            try {
                Files.createDirectories(file.getParent());
                DurableFiles.write(file, bytes);
            } catch (IOException e) {
                synchronized (balances) {
                    dirty = true;
                }
                throw e;
            }
        }
    }

    private byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + balances.size() * ENTRY + 4);
        out.putInt(MAGIC).put((byte) VERSION).putLong(creditedThrough).putInt(balances.size());
        balances.forEach((id, balance) -> out.put(HEX.parseHex(id)).putLong(balance));
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }
}
