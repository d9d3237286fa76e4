package nym.sphinx;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Benchmark-only: Lioness built from Bouncy Castle's ChaCha20 (stream) and keyed BLAKE2b-256 (hash), the instantiation
 * the issue suggested, to compare with the JDK-intrinsic one the library uses. Same structure and key layout.
 */
final class LionessChaChaBlake2b {

    private static final int L = 32;
    private final ChaChaEngine chacha = new ChaChaEngine(20);
    private final byte[] tmp = new byte[L];
    private final byte[] nonce = new byte[8];

    void decrypt(byte[] key, byte[] buf) {
        hash(key, 96, buf);
        stream(key, 64, buf);
        hash(key, 32, buf);
        stream(key, 0, buf);
    }

    private void stream(byte[] key, int off, byte[] buf) {
        for (int i = 0; i < L; i++) {
            tmp[i] = (byte) (buf[i] ^ key[off + i]);
        }
        chacha.init(true, new ParametersWithIV(new KeyParameter(tmp), nonce));
        chacha.processBytes(buf, L, buf.length - L, buf, L);
    }

    private void hash(byte[] key, int off, byte[] buf) {
        byte[] k = new byte[L];
        System.arraycopy(key, off, k, 0, L);
        Blake2bDigest d = new Blake2bDigest(k, L, null, null);
        d.update(buf, L, buf.length - L);
        d.doFinal(tmp, 0);
        for (int i = 0; i < L; i++) {
            buf[i] ^= tmp[i];
        }
    }
}
