package nym.sphinx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The per-hop primitives shared by sender and node, with reusable JCA objects and scratch buffers: X25519 (Bouncy
 * Castle, faster than the JDK here), HKDF-SHA256 from the hop's α and shared secret to all hop keys in one expand,
 * AES-128-CTR for β, truncated HMAC-SHA256 for γ, and {@link Lioness} for δ. Not thread-safe.
 *
 * <p>Hop key block (one HKDF-SHA256 expand of {@link #KEYS} bytes; salt {@code "nym-sphinx/v2 salt"}, input key
 * material s, info {@code "nym-sphinx/v2 hop keys" | α}):
 *
 * <pre>
 *   ρ  β key   AES-128       16   [0, 16)
 *   ρ  β IV                  16   [16, 32)
 *   μ  γ key   HMAC-SHA256   16   [32, 48)
 *   π  δ key   Lioness      128   [48, 176)
 *   b  blinding factor       32   [176, 208)   (clamped by X25519)
 *   τ  replay tag            16   [208, 224)
 * </pre>
 */
final class HopCrypto {

    static final int BETA_KEY = 0;
    static final int BETA_IV = 16;
    static final int MAC_KEY = 32;
    static final int MAC_KEY_LEN = 16;
    static final int PAYLOAD_KEY = MAC_KEY + MAC_KEY_LEN;
    static final int BLINDING = PAYLOAD_KEY + SphinxSizes.LIONESS_KEY;
    static final int REPLAY_TAG = BLINDING + SphinxSizes.X25519_KEY;
    static final int KEYS = REPLAY_TAG + SphinxSizes.REPLAY_TAG;

    private static final byte[] SALT = "nym-sphinx/v2 salt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "nym-sphinx/v2 hop keys".getBytes(StandardCharsets.US_ASCII);
    /*
     * Format v1 derived the keys from s alone. Kept only to name such packets when they fail the MAC
     * (SphinxProcessor): remove once no v1 sender is left.
     */
    private static final byte[] V1_SALT = "nym-sphinx/v1 salt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V1_INFO = "nym-sphinx/v1 hop keys".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;

    private final Mac extract;
    private final Mac v1Extract;
    private final Mac expand;
    private final Mac gammaMac;
    private final Cipher betaCtr;
    final Lioness lioness = new Lioness();
    private final byte[] prk = new byte[HASH];
    private final byte[] block = new byte[HASH];

    HopCrypto() {
        try {
            extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(SALT, "HmacSHA256"));
            v1Extract = Mac.getInstance("HmacSHA256");
            v1Extract.init(new SecretKeySpec(V1_SALT, "HmacSHA256"));
            expand = Mac.getInstance("HmacSHA256");
            gammaMac = Mac.getInstance("HmacSHA256");
            betaCtr = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 or AES/CTR missing from the JDK", e);
        }
    }

    /**
     * HKDF-SHA256(salt, s, info | α) into {@code keys[0, KEYS)}: one extract, one expand. Binding α makes the keys (and
     * so the blinding factor) depend on the group element the hop received, not only on the shared secret: α + T for
     * a small-order T gives the same s but other keys, so such a variant fails γ.
     */
    void deriveKeys(byte[] secret, byte[] alpha, int alphaOff, byte[] keys) {
        hkdf(extract, secret, INFO, alpha, alphaOff, keys);
    }

    /** The keys format v1 derived from s alone (salt and info labelled v1, no α). */
    void deriveV1Keys(byte[] secret, byte[] keys) {
        hkdf(v1Extract, secret, V1_INFO, null, 0, keys);
    }

    private void hkdf(Mac saltedExtract, byte[] secret, byte[] info, byte[] alpha, int alphaOff, byte[] keys) {
        try {
            saltedExtract.update(secret, 0, SphinxSizes.X25519_KEY);
            saltedExtract.doFinal(prk, 0);
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            int off = 0;
            for (int i = 1; off < KEYS; i++) {
                if (i > 1) {
                    expand.update(block, 0, HASH);
                }
                expand.update(info);
                if (alpha != null) {
                    expand.update(alpha, alphaOff, SphinxSizes.ALPHA);
                }
                expand.update((byte) i);
                expand.doFinal(block, 0);
                int n = Math.min(HASH, KEYS - off);
                System.arraycopy(block, 0, keys, off, n);
                off += n;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF failed", e);
        }
    }

    /** XORs the AES-128-CTR key stream ρ of the hop into {@code buf[off, off+len)}. */
    void betaStream(byte[] keys, byte[] buf, int off, int len) {
        try {
            betaCtr.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(keys, BETA_KEY, 16, "AES"),
                    new IvParameterSpec(keys, BETA_IV, 16));
            betaCtr.doFinal(buf, off, len, buf, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    /** γ = HMAC-SHA256_μ(β) truncated to κ bytes, written to {@code out[outOff]}. */
    void gamma(byte[] keys, byte[] beta, int betaOff, byte[] out, int outOff) {
        try {
            gammaMac.init(new SecretKeySpec(keys, MAC_KEY, MAC_KEY_LEN, "HmacSHA256"));
            gammaMac.update(beta, betaOff, SphinxSizes.BETA);
            gammaMac.doFinal(block, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
        System.arraycopy(block, 0, out, outOff, SphinxSizes.GAMMA);
    }

    /** Constant-time check of γ at {@code packet[gammaOff]} against β at {@code packet[betaOff]}. */
    boolean gammaMatches(byte[] keys, byte[] packet, int betaOff, int gammaOff) {
        try {
            gammaMac.init(new SecretKeySpec(keys, MAC_KEY, MAC_KEY_LEN, "HmacSHA256"));
            gammaMac.update(packet, betaOff, SphinxSizes.BETA);
            gammaMac.doFinal(block, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
        int diff = 0;
        for (int i = 0; i < SphinxSizes.GAMMA; i++) {
            diff |= block[i] ^ packet[gammaOff + i];
        }
        return diff == 0;
    }

    /**
     * X25519(k, u) into {@code out}; returns false when the result is all zero (u of low order).
     */
    static boolean scalarMult(byte[] k, int kOff, byte[] u, int uOff, byte[] out, int outOff) {
        X25519.scalarMult(k, kOff, u, uOff, out, outOff);
        int acc = 0;
        for (int i = 0; i < SphinxSizes.X25519_KEY; i++) {
            acc |= out[outOff + i];
        }
        return acc != 0;
    }

    /** True when u is the canonical encoding of a field element (u < 2^255 - 19, top bit clear). */
    static boolean isCanonical(byte[] u, int off) {
        int top = u[off + 31] & 0xff;
        if (top > 0x7f) {
            return false;
        }
        if (top < 0x7f) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if ((u[off + i] & 0xff) != 0xff) {
                return true;
            }
        }
        return (u[off] & 0xff) < 0xed;
    }
}
