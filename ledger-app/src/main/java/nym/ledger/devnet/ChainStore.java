package nym.ledger.devnet;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.devnet.proto.DevnetProto.StoredBlock;
import nym.ledger.tx.Transaction;

/**
 * The devnet's blocks, in memory and in an append-only file ({@code blocks.log}: length, StoredBlock, CRC-32 per
 * record; a torn tail is cut off on open). Indexes transactions by hash.
 */
public final class ChainStore implements AutoCloseable {

    /** Where a transaction landed. */
    public record TxLocation(long height, int index) {}

    private final List<StoredBlock> blocks = new ArrayList<>();
    private final Map<String, TxLocation> byHash = new HashMap<>();
    private final Path file;
    private FileChannel channel;

    private ChainStore(Path file) {
        this.file = file;
    }

    public static ChainStore inMemory() {
        return new ChainStore(null);
    }

    public static ChainStore open(Path dir) {
        ChainStore s = new ChainStore(dir.resolve("blocks.log"));
        try {
            Files.createDirectories(dir);
            s.load();
            s.channel = FileChannel.open(
                    s.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LedgerException(Kind.STORAGE, "cannot open block store in " + dir + ": " + e.getMessage(), e);
        }
        return s;
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long good = 0;
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                try {
                    int len = in.readInt();
                    if (len <= 0 || len > (256 << 20)) {
                        break;
                    }
                    byte[] b = in.readNBytes(len);
                    if (b.length != len) {
                        break;
                    }
                    long crc = in.readLong();
                    CRC32 c = new CRC32();
                    c.update(b);
                    if (c.getValue() != crc) {
                        break;
                    }
                    StoredBlock blk = StoredBlock.parseFrom(b);
                    if (blk.getHeight() != blocks.size() + 1) {
                        break;
                    }
                    index(blk);
                    good += 4 + len + 8;
                } catch (EOFException e) {
                    break;
                }
            }
        }
        if (Files.size(file) != good) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(good);
            }
        }
    }

    private void index(StoredBlock b) {
        blocks.add(b);
        for (int i = 0; i < b.getTxsCount(); i++) {
            byHash.putIfAbsent(
                    Hex.upper(Transaction.sha256(b.getTxs(i).toByteArray())), new TxLocation(b.getHeight(), i));
        }
    }

    /** Appends the next block and forces it to disk. */
    public synchronized void append(StoredBlock b) {
        if (b.getHeight() != blocks.size() + 1) {
            throw new LedgerException(Kind.PROTOCOL, "block " + b.getHeight() + " after " + blocks.size());
        }
        if (channel != null) {
            byte[] bytes = b.toByteArray();
            CRC32 c = new CRC32();
            c.update(bytes);
            ByteBuffer buf = ByteBuffer.allocate(4 + bytes.length + 8)
                    .putInt(bytes.length)
                    .put(bytes)
                    .putLong(c.getValue())
                    .flip();
            try {
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new LedgerException(
                        Kind.STORAGE, "cannot persist block " + b.getHeight() + ": " + e.getMessage(), e);
            }
        }
        index(b);
    }

    public synchronized long height() {
        return blocks.size();
    }

    /** The block at {@code height} (1-based), or null. */
    public synchronized StoredBlock block(long height) {
        return height >= 1 && height <= blocks.size() ? blocks.get((int) height - 1) : null;
    }

    public synchronized StoredBlock latest() {
        return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    }

    public synchronized TxLocation find(String upperHexHash) {
        return byHash.get(upperHexHash);
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
            channel = null;
        }
    }
}
