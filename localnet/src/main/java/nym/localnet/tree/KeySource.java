package nym.localnet.tree;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nym.coconut.RandomSource;

/**
 * Where the tree's key material comes from: the operating system's randomness, or — for a development network that
 * must come out the same on every machine — a public seed string, expanded with HMAC-SHA256 under a label naming
 * each key ("authority-2/watcher"), so that adding a component never changes the keys of the others.
 */
interface KeySource {

    /** 32 bytes for the key named {@code label}. */
    byte[] bytes32(String label);

    /** A random stream for the Coconut trusted dealer. */
    RandomSource coconut();

    static KeySource secure() {
        SecureRandom random = new SecureRandom();
        return new KeySource() {
            @Override
            public byte[] bytes32(String label) {
                byte[] out = new byte[32];
                random.nextBytes(out);
                return out;
            }

            @Override
            public RandomSource coconut() {
                return RandomSource.of(random);
            }
        };
    }

    static KeySource seeded(String seed) {
        return new KeySource() {
            @Override
            public byte[] bytes32(String label) {
                return hmac(seed, label.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public RandomSource coconut() {
                return new RandomSource() {
                    private long block;

                    @Override
                    public synchronized void nextBytes(byte[] out) {
                        for (int off = 0; off < out.length; off += 32) {
                            byte[] next = hmac(
                                    seed,
                                    ByteBuffer.allocate(16)
                                            .put("coconut:".getBytes(StandardCharsets.US_ASCII))
                                            .putLong(block++)
                                            .array());
                            System.arraycopy(next, 0, out, off, Math.min(32, out.length - off));
                        }
                    }
                };
            }
        };
    }

    private static byte[] hmac(String seed, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("nym-localnet:" + seed).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
