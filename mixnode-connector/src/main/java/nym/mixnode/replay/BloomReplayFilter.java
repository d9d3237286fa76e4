package nym.mixnode.replay;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Logger;
import nym.sphinx.ReplayGuard;
import nym.sphinx.ReplayTag;

/**
 * The replay tags seen under one Sphinx key, as a Bloom filter: m bits, k positions per tag. A tag is fresh when it
 * sets at least one bit that was clear; a replay finds all its k bits set. A fresh tag whose k bits happen to be set
 * by others is a false positive and is dropped as a replay; at the designed count n (the peak rate over the key's
 * lifetime, {@link ReplayFilterSettings#capacityFor}) that chance is the configured rate p, from m = −n·ln p / (ln 2)²
 * and k = (m / n)·ln 2 (about half the bits set).
 *
 * <p><b>Positions straight from the tag.</b> The 16-byte tag τ is an HKDF-SHA256 output under the hop's shared secret:
 * to anyone without that secret its bits are uniform and independent of every other tag, which is all a Bloom filter
 * asks of its hash functions. So no further hashing: h₁ and h₂ are τ's two 64-bit halves and position i is
 * (h₁ + i·h₂) mod m (Kirsch and Mitzenmacher's double hashing, which keeps the false-positive rate of k independent
 * hashes). The sender of a packet knows its tags (it derived the same secret), so a sender could grind packets to
 * choose which bits they set; each packet still sets at most k bits and grinding costs a key agreement per try, so
 * such a sender fills the filter at most as fast as its packet rate allows, which the saturation alarm reports.
 *
 * <p><b>Past its designed count</b> the filter keeps answering: it never refuses a packet for being full, its
 * false-positive rate rises instead (fill^k), and the first insertion past the count logs one WARNING
 * ({@link #saturated()} stays true, the node exports it as a gauge).
 *
 * <p><b>Thread-safe, low contention.</b> Bits are set with an atomic OR on their 64-bit word; the k bits of one tag are
 * set under one of {@value #STRIPES} locks picked by the tag, so two copies of a packet processed at the same time by
 * two workers are serialised (the second finds every bit set) while other packets rarely wait.
 */
public final class BloomReplayFilter implements ReplayGuard {

    private static final Logger LOG = Logger.getLogger(BloomReplayFilter.class.getName());
    private static final int STRIPES = 64;
    private static final double LN2 = Math.log(2);
    /** AtomicLongArray is indexed by int; JVMs refuse arrays of the last few indices. */
    private static final long MAX_WORDS = Integer.MAX_VALUE - 8;

    private final long keyEpoch;
    private final long capacity;
    private final int hashes;
    private final long bits;
    private final AtomicLongArray words;
    private final AtomicLong inserted;
    private final Object[] stripes = new Object[STRIPES];

    BloomReplayFilter(long keyEpoch, long capacity, int hashes, long bits, long[] words, long inserted) {
        if (capacity < 1 || hashes < 1 || bits < 64 || bits % 64 != 0 || words.length != bits / 64) {
            throw new IllegalArgumentException("inconsistent Bloom filter geometry");
        }
        this.keyEpoch = keyEpoch;
        this.capacity = capacity;
        this.hashes = hashes;
        this.bits = bits;
        this.words = new AtomicLongArray(words);
        this.inserted = new AtomicLong(inserted);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * An empty filter for {@code capacity} tags at {@code falsePositiveRate}: m = ⌈−n·ln p / (ln 2)²⌉ bits rounded up
     * to whole 64-bit words, k = round((m / n)·ln 2).
     */
    public static BloomReplayFilter designed(long keyEpoch, long capacity, double falsePositiveRate) {
        long bits = bitsFor(capacity, falsePositiveRate);
        int hashes = (int) Math.max(1, Math.round((double) bits / capacity * LN2));
        return new BloomReplayFilter(keyEpoch, capacity, hashes, bits, new long[(int) (bits / 64)], 0);
    }

    /** The filter's size in bits for {@code capacity} tags at {@code falsePositiveRate} (whole 64-bit words). */
    public static long bitsFor(long capacity, double falsePositiveRate) {
        if (capacity < 1 || !(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("a filter needs a capacity >= 1 and a rate in (0, 1)");
        }
        double exact = Math.ceil(-capacity * Math.log(falsePositiveRate) / (LN2 * LN2));
        long words = Math.max(1, (long) Math.ceil(exact / 64));
        if (words > MAX_WORDS) {
            throw new IllegalArgumentException(
                    "a replay filter for " + capacity + " packets at a false-positive rate of " + falsePositiveRate
                            + " would need " + words * 8 + " bytes: lower the peak rate or raise the rate");
        }
        return words * 64;
    }

    @Override
    public boolean firstSeen(ReplayTag tag) {
        return firstSeen(tag.toBytes());
    }

    /** Records a tag given as its bytes (at least 16); true when it set a bit that was clear. */
    boolean firstSeen(byte[] tag) {
        ByteBuffer b = ByteBuffer.wrap(tag);
        long h1 = b.getLong(0);
        long h2 = b.getLong(8);
        boolean fresh = false;
        synchronized (stripes[(int) (h1 >>> 58)]) {
            for (int i = 0; i < hashes; i++) {
                fresh |= set(Long.remainderUnsigned(h1 + i * h2, bits));
            }
        }
        if (fresh && inserted.incrementAndGet() == capacity + 1) {
            LOG.warning(() -> "the replay filter of the Sphinx key of epoch " + keyEpoch
                    + " holds more packets than the "
                    + capacity + " it is designed for: it keeps accepting fresh packets but takes more of them for "
                    + "replays (false-positive rate now " + expectedFalsePositiveRate() + "); raise "
                    + "limits.replay_peak_packets_per_second");
        }
        return fresh;
    }

    /** Sets bit {@code position}; true when it was clear. Reads first, so a replay writes nothing. */
    private boolean set(long position) {
        int word = (int) (position >>> 6);
        long mask = 1L << position;
        if ((words.get(word) & mask) != 0) {
            return false;
        }
        return (words.getAndAccumulate(word, mask, (old, m) -> old | m) & mask) == 0;
    }

    public long keyEpoch() {
        return keyEpoch;
    }

    /** The designed count n. */
    public long capacity() {
        return capacity;
    }

    /** k, the positions per tag. */
    public int hashes() {
        return hashes;
    }

    /** m, the size in bits. */
    public long bits() {
        return bits;
    }

    /** Fresh tags recorded (false positives are not counted: they set no bit). */
    public long inserted() {
        return inserted.get();
    }

    /** True once more tags than the designed count were recorded. */
    public boolean saturated() {
        return inserted() > capacity;
    }

    /** The fraction of bits set, counted now (one pass over the words: for scrapes, not for the packet path). */
    public double fillRatio() {
        long set = 0;
        for (int i = 0; i < words.length(); i++) {
            set += Long.bitCount(words.get(i));
        }
        return (double) set / bits;
    }

    /** The chance that a fresh tag finds its k bits set at the current fill: fill^k. */
    public double expectedFalsePositiveRate() {
        return Math.pow(fillRatio(), hashes);
    }

    int wordCount() {
        return words.length();
    }

    long word(int index) {
        return words.get(index);
    }
}
