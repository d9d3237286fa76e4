package nym.mixnode.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import nym.mixnode.files.DurableFiles;
import nym.sphinx.NodePublicKey;

/**
 * A replay filter on disk, {@code <data>/replay/<epoch>.bloom}, written durably ({@link DurableFiles}: temporary file,
 * fsync, rename) and streamed through a 1 MiB buffer, so a filter of any size needs no second copy in memory. All
 * numbers big-endian:
 *
 * <pre>
 *   magic        8   "nymbloom"
 *   version      4   1
 *   key epoch    8
 *   key print   32   SHA-256("nym-mixnode replay filter key" | 0 | X25519 public key of that epoch)
 *   capacity n   8   designed count
 *   hashes k     4
 *   bits m       8   a multiple of 64
 *   inserted     8   fresh tags recorded
 *   words    m / 8   the bits, 64 per word
 *   crc32c       4   over everything above
 * </pre>
 *
 * The key print ties a file to one key: a file copied from another node, or left from an earlier key of the same
 * epoch number, is refused, so a filter never applies to packets of another key.
 */
public final class ReplayFilterFile {

    static final int VERSION = 1;
    private static final byte[] MAGIC = "nymbloom".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PRINT_LABEL = "nym-mixnode replay filter key".getBytes(StandardCharsets.US_ASCII);
    private static final int PRINT = 32;
    static final int HEADER = MAGIC.length + 4 + 8 + PRINT + 8 + 4 + 8 + 8;
    private static final int BUFFER = 1 << 20;

    /** A file that cannot be used for this key: corrupt, truncated, of another version, epoch or key. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private ReplayFilterFile() {}

    public static void write(Path file, BloomReplayFilter filter, NodePublicKey key) throws IOException {
        DurableFiles.write(file, out -> {
            CRC32C crc = new CRC32C();
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            buf.put(MAGIC).putInt(VERSION).putLong(filter.keyEpoch()).put(print(key));
            buf.putLong(filter.capacity()).putInt(filter.hashes()).putLong(filter.bits());
            // inserted is read before the words: a tag recorded in between is in the words but not the count.
            buf.putLong(filter.inserted());
            for (int i = 0; i < filter.wordCount(); i++) {
                if (buf.remaining() < Long.BYTES) {
                    flush(out, buf, crc);
                }
                buf.putLong(filter.word(i));
            }
            flush(out, buf, crc);
            buf.putInt((int) crc.getValue());
            buf.flip();
            DurableFiles.writeFully(out, buf);
        });
    }

    private static void flush(FileChannel out, ByteBuffer buf, CRC32C crc) throws IOException {
        buf.flip();
        crc.update(buf.duplicate());
        DurableFiles.writeFully(out, buf);
        buf.clear();
    }

    /**
     * Reads the filter of {@code key} for {@code epoch} from {@code file}.
     *
     * @throws Refused when the file is not a whole, unchanged filter of exactly this key and epoch
     */
    public static BloomReplayFilter read(Path file, long epoch, NodePublicKey key) throws IOException, Refused {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            CRC32C crc = new CRC32C();
            ByteBuffer header = readExactly(in, HEADER, crc);
            byte[] magic = new byte[MAGIC.length];
            header.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Refused("not a replay filter file");
            }
            int version = header.getInt();
            if (version != VERSION) {
                throw new Refused("format version " + version + ", this node reads " + VERSION);
            }
            long fileEpoch = header.getLong();
            if (fileEpoch != epoch) {
                throw new Refused("a filter of epoch " + fileEpoch + " in the file of epoch " + epoch);
            }
            byte[] print = new byte[PRINT];
            header.get(print);
            if (!MessageDigest.isEqual(print, print(key))) {
                throw new Refused("a filter of another key");
            }
            long capacity = header.getLong();
            int hashes = header.getInt();
            long bits = header.getLong();
            long inserted = header.getLong();
            if (capacity < 1 || hashes < 1 || hashes > 64 || bits < 64 || bits % 64 != 0 || inserted < 0) {
                throw new Refused("impossible geometry");
            }
            long expected = HEADER + bits / 8 + Integer.BYTES;
            if (in.size() != expected) {
                throw new Refused(in.size() + " bytes where its header calls for " + expected);
            }
            long[] words = new long[(int) (bits / 64)];
            int done = 0;
            while (done < words.length) {
                int n = Math.min(BUFFER / Long.BYTES, words.length - done);
                ByteBuffer chunk = readExactly(in, n * Long.BYTES, crc);
                for (int i = 0; i < n; i++) {
                    words[done++] = chunk.getLong();
                }
            }
            int stored = readExactly(in, Integer.BYTES, null).getInt();
            if (stored != (int) crc.getValue()) {
                throw new Refused("checksum mismatch (a changed or partly written file)");
            }
            return new BloomReplayFilter(epoch, capacity, hashes, bits, words, inserted);
        }
    }

    private static ByteBuffer readExactly(FileChannel in, int length, CRC32C crc) throws IOException, Refused {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (in.read(buf) < 0) {
                throw new Refused("the file ends early");
            }
        }
        buf.flip();
        if (crc != null) {
            crc.update(buf.duplicate());
        }
        return buf;
    }

    /** Binds a file to one key without storing the key itself. */
    static byte[] print(NodePublicKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(PRINT_LABEL);
            sha.update((byte) 0);
            return sha.digest(key.toBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
