package nym.mixnode.keys;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import nym.mixnode.replay.ReplayFilterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SphinxKeyRingTest {

    private static final long EPOCH_MILLIS = 60_000;
    private static final ReplayFilterSettings SMALL = ReplayFilterSettings.DEFAULTS.withPeakPacketsPerSecond(10);

    @TempDir
    Path home;

    private final AtomicLong now = new AtomicLong(10 * EPOCH_MILLIS + 5);

    private SphinxKeyRing open() throws Exception {
        return SphinxKeyRing.open(
                home.resolve("keys"), home.resolve("data/replay"), SMALL, new SecureRandom(), now::get);
    }

    /** The ring on this test's home, having followed the document of epoch 10 (the clock's epoch). */
    private SphinxKeyRing openInEpoch10() throws Exception {
        SphinxKeyRing ring = open();
        ring.advance(10, 0, EPOCH_MILLIS);
        return ring;
    }

    private static List<Long> epochs(List<SphinxKeyRing.OpenKey> keys) {
        return keys.stream().map(SphinxKeyRing.OpenKey::epoch).toList();
    }

    private static List<Long> announcedEpochs(SphinxKeyRing ring) {
        return ring.announced().stream().map(SphinxKeyRing.EpochKey::epoch).toList();
    }

    private Path keyFile(long epoch) {
        return home.resolve("keys/sphinx/" + epoch + ".key");
    }

    private Path filterFile(long epoch) {
        return home.resolve("data/replay/" + epoch + ".bloom");
    }

    @Test
    void advance_firstDocument_keysForThisAndTheNextTwoEpochsStoredOwnerOnly() throws Exception {
        SphinxKeyRing ring = open();
        assertEquals(SphinxKeyRing.NO_EPOCH, ring.currentEpoch());
        assertTrue(ring.announced().isEmpty());
        assertTrue(ring.openKeys().isEmpty(), "no packet is opened before the first document");

        ring.advance(10, 9 * EPOCH_MILLIS, EPOCH_MILLIS);

        assertEquals(10, ring.currentEpoch());
        assertEquals(List.of(10L, 11L, 12L), announcedEpochs(ring));
        assertEquals(List.of(10L, 11L), epochs(ring.openKeys()), "current, then next (no previous key held)");
        for (long e = 10; e <= 12; e++) {
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(keyFile(e)));
        }
    }

    @Test
    void open_sameHomeAgain_sameKeys() throws Exception {
        SphinxKeyRing first = openInEpoch10();
        first.close();

        SphinxKeyRing second = openInEpoch10();

        for (int i = 0; i < 3; i++) {
            assertEquals(
                    first.announced().get(i).pair().publicKey(),
                    second.announced().get(i).pair().publicKey());
        }
    }

    @Test
    void advance_nextEpochWithinGrace_previousKeyTriedAfterTheCurrentOne() throws Exception {
        SphinxKeyRing ring = openInEpoch10();
        now.set(11 * EPOCH_MILLIS + 1);

        ring.advance(11, 11 * EPOCH_MILLIS + 15_000, EPOCH_MILLIS);

        assertEquals(List.of(11L, 10L, 12L), epochs(ring.openKeys()));
        assertEquals(List.of(11L, 12L, 13L), announcedEpochs(ring), "the previous key is no longer announced");
        assertTrue(Files.exists(keyFile(10)));
    }

    @Test
    void advance_pastThePreviousKeysGrace_keyAndFilterDeleted() throws Exception {
        SphinxKeyRing ring = openInEpoch10();
        long graceEnd = 11 * EPOCH_MILLIS + 15_000;
        now.set(11 * EPOCH_MILLIS + 1);
        ring.advance(11, graceEnd, EPOCH_MILLIS);
        ring.persist();
        assertTrue(Files.exists(filterFile(10)));

        now.set(graceEnd + 1);
        ring.advance(11, graceEnd, EPOCH_MILLIS);

        assertEquals(List.of(11L, 12L), epochs(ring.openKeys()));
        assertFalse(Files.exists(keyFile(10)));
        assertFalse(Files.exists(filterFile(10)));
    }

    @Test
    void advance_severalEpochsLater_everyOlderKeyDeleted() throws Exception {
        SphinxKeyRing ring = openInEpoch10();

        ring.advance(20, now.get() + 1_000, EPOCH_MILLIS);

        assertEquals(List.of(20L, 21L), epochs(ring.openKeys()), "epoch 19 was never held");
        for (long e = 10; e <= 12; e++) {
            assertFalse(Files.exists(keyFile(e)), "key " + e);
        }
    }

    @Test
    void advance_olderEpochThanHeld_ignored() throws Exception {
        SphinxKeyRing ring = openInEpoch10();
        List<SphinxKeyRing.OpenKey> before = ring.openKeys();

        ring.advance(9, 0, EPOCH_MILLIS);

        assertEquals(10, ring.currentEpoch());
        assertSame(before, ring.openKeys());
    }

    @Test
    void open_homeOfAnEarlierVersion_singleSphinxKeyDeletedIdentityKept() throws Exception {
        NodeKeys identity = NodeKeys.generate(new SecureRandom());
        identity.save(home.resolve("keys"));
        Files.writeString(home.resolve("keys/" + SphinxKeyRing.LEGACY_SPHINX_FILE), "secret\n");

        SphinxKeyRing ring = open();

        assertFalse(Files.exists(home.resolve("keys/" + SphinxKeyRing.LEGACY_SPHINX_FILE)));
        assertEquals(
                identity.identityKeyText(), NodeKeys.load(home.resolve("keys")).identityKeyText());
        ring.advance(10, 0, EPOCH_MILLIS);
        assertEquals(3, ring.announced().size());
    }

    @Test
    void advance_corruptFilterFileAtStart_refusedCountedAndAnEmptyFilterUsed() throws Exception {
        SphinxKeyRing first = openInEpoch10();
        first.openKeys().get(0).filter().firstSeen(tagOf(first));
        first.close();
        byte[] bytes = Files.readAllBytes(filterFile(10));
        bytes[bytes.length - 1] ^= 1;
        Files.write(filterFile(10), bytes);

        SphinxKeyRing second = openInEpoch10();

        assertEquals(1, second.gauges().refusedFiles());
        assertEquals(0, second.openKeys().get(0).filter().inserted());
    }

    @Test
    void open_filterFileWithoutItsKey_deleted() throws Exception {
        SphinxKeyRing first = openInEpoch10();
        first.openKeys().get(0).filter().firstSeen(tagOf(first));
        first.close();
        Files.delete(keyFile(10));

        open();

        assertFalse(Files.exists(filterFile(10)));
    }

    @Test
    void persist_filterUnchangedSinceLastWrite_notRewritten() throws Exception {
        SphinxKeyRing ring = openInEpoch10();
        ring.openKeys().get(0).filter().firstSeen(tagOf(ring));
        ring.persist();
        Files.delete(filterFile(10));

        ring.persist();

        assertFalse(Files.exists(filterFile(10)), "nothing new: not written again");
        ring.openKeys().get(0).filter().firstSeen(tagOf(ring));
        ring.persist();
        assertTrue(Files.exists(filterFile(10)));
    }

    /** The tag of a fresh packet under the ring's current key. */
    private static nym.sphinx.ReplayTag tagOf(SphinxKeyRing ring) throws Exception {
        return RingPackets.freshTag(ring.openKeys().get(0).pair());
    }
}
