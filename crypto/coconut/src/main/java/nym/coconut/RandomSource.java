package nym.coconut;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The seam through which every random value of the library is drawn. Production code uses {@link #secure()}
 * ({@link SecureRandom}); tests may fix the randomness with {@link #deterministic(long)}.
 */
@FunctionalInterface
public interface RandomSource {

    /** Fills {@code out} with random bytes. */
    void nextBytes(byte[] out);

    /** Randomness from a fresh {@link SecureRandom} (the platform default, seeded by the operating system). */
    static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }

    /** Randomness from the given {@link SecureRandom}. */
    static RandomSource of(SecureRandom random) {
        return random::nextBytes;
    }

    /**
     * A reproducible stream for tests only: SHA-256(seed ‖ counter) blocks. Never use it for real keys.
     */
    static RandomSource deterministic(long seed) {
        return new RandomSource() {
            private long counter;

            @Override
            public synchronized void nextBytes(byte[] out) {
                MessageDigest sha;
                try {
                    sha = MessageDigest.getInstance("SHA-256");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("SHA-256 is required by the Java platform", e);
                }
                int off = 0;
                while (off < out.length) {
                    sha.update(ByteBuffer.allocate(16)
                            .putLong(seed)
                            .putLong(counter++)
                            .array());
                    byte[] block = sha.digest();
                    int n = Math.min(block.length, out.length - off);
                    System.arraycopy(block, 0, out, off, n);
                    off += n;
                }
            }

            @Override
            public String toString() {
                return "RandomSource.deterministic";
            }
        };
    }
}
