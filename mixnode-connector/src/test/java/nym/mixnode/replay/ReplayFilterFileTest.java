package nym.mixnode.replay;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Random;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.NodePublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFilterFileTest {

    @TempDir
    Path tmp;

    private final NodePublicKey key = NodeKeyPair.generate(new SecureRandom()).publicKey();

    private BloomReplayFilter filled(byte[]... tags) {
        BloomReplayFilter filter = BloomReplayFilter.designed(5, 10_000, 1e-6);
        for (byte[] t : tags) {
            filter.firstSeen(t);
        }
        return filter;
    }

    /** A filter holding {@code tag(1)} written under {@link #key} to {@code name} in the temporary folder. */
    private Path writtenOneTag(String name) throws Exception {
        Path file = tmp.resolve(name);
        ReplayFilterFile.write(file, filled(tag(1)), key);
        return file;
    }

    private static byte[] tag(int seed) {
        byte[] t = new byte[16];
        new Random(seed).nextBytes(t);
        return t;
    }

    @Test
    void read_whatWasWritten_sameBitsCountAndGeometry() throws Exception {
        Path file = tmp.resolve("5.bloom");
        BloomReplayFilter written = filled(tag(1), tag(2));
        ReplayFilterFile.write(file, written, key);

        BloomReplayFilter read = ReplayFilterFile.read(file, 5, key);

        assertFalse(read.firstSeen(tag(1)));
        assertFalse(read.firstSeen(tag(2)));
        assertTrue(read.firstSeen(tag(3)));
        assertEquals(written.bits(), read.bits());
        assertEquals(written.hashes(), read.hashes());
        assertEquals(written.capacity(), read.capacity());
        assertEquals(3, read.inserted());
        assertEquals(ReplayFilterFile.HEADER + written.bits() / 8 + 4, Files.size(file));
        assertFalse(Files.exists(tmp.resolve("5.bloom.tmp")), "written through a temporary file, renamed");
    }

    @Test
    void read_oneByteChanged_refusedByTheChecksum() throws Exception {
        Path file = writtenOneTag("5.bloom");
        byte[] bytes = Files.readAllBytes(file);
        bytes[ReplayFilterFile.HEADER + 100] ^= 0x10;
        Files.write(file, bytes);

        ReplayFilterFile.Refused e =
                assertThrows(ReplayFilterFile.Refused.class, () -> ReplayFilterFile.read(file, 5, key));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void read_truncated_refused() throws Exception {
        Path file = writtenOneTag("5.bloom");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        assertThrows(ReplayFilterFile.Refused.class, () -> ReplayFilterFile.read(file, 5, key));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(20);
        }
        assertThrows(ReplayFilterFile.Refused.class, () -> ReplayFilterFile.read(file, 5, key));
    }

    @Test
    void read_anotherKeysFile_refused() throws Exception {
        Path file = writtenOneTag("5.bloom");
        NodePublicKey other = NodeKeyPair.generate(new SecureRandom()).publicKey();

        ReplayFilterFile.Refused e =
                assertThrows(ReplayFilterFile.Refused.class, () -> ReplayFilterFile.read(file, 5, other));
        assertTrue(e.getMessage().contains("another key"), e.getMessage());
    }

    @Test
    void read_anotherEpochsFile_refused() throws Exception {
        Path file = writtenOneTag("6.bloom");

        assertThrows(ReplayFilterFile.Refused.class, () -> ReplayFilterFile.read(file, 6, key));
    }

    @Test
    void read_notAFilter_refused() throws Exception {
        Path file = tmp.resolve("5.bloom");
        Files.writeString(file, "x".repeat(200));

        assertThrows(ReplayFilterFile.Refused.class, () -> ReplayFilterFile.read(file, 5, key));
    }
}
