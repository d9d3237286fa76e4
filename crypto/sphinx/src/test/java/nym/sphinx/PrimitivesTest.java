package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

/** The building blocks against independent implementations and their defining properties. */
class PrimitivesTest {

    @Test
    void deriveKeys_randomSecretsAndAlphas_equalBouncyCastleHkdfSha256WithAlphaInInfo() {
        HopCrypto crypto = new HopCrypto();
        Random r = new Random(90);
        byte[] keys = new byte[HopCrypto.KEYS];
        byte[] label = "nym-sphinx/v2 hop keys".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            byte[] s = new byte[32];
            byte[] alpha = new byte[32];
            r.nextBytes(s);
            r.nextBytes(alpha);
            crypto.deriveKeys(s, alpha, 0, keys);
            byte[] info = Arrays.copyOf(label, label.length + 32);
            System.arraycopy(alpha, 0, info, label.length, 32);
            assertArrayEquals(hkdf(s, "nym-sphinx/v2 salt", info), keys);
        }
    }

    @Test
    void deriveKeys_sameSecretOtherAlpha_otherKeys() {
        HopCrypto crypto = new HopCrypto();
        byte[] s = new byte[32];
        byte[] alpha = new byte[32];
        s[0] = 1;
        byte[] a = new byte[HopCrypto.KEYS];
        byte[] b = new byte[HopCrypto.KEYS];
        crypto.deriveKeys(s, alpha, 0, a);
        alpha[31] = 1;
        crypto.deriveKeys(s, alpha, 0, b);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void deriveV1Keys_randomSecrets_equalBouncyCastleHkdfSha256OfFormat1() {
        HopCrypto crypto = new HopCrypto();
        Random r = new Random(93);
        byte[] keys = new byte[HopCrypto.KEYS];
        for (int i = 0; i < 5; i++) {
            byte[] s = new byte[32];
            r.nextBytes(s);
            crypto.deriveV1Keys(s, keys);
            assertArrayEquals(
                    hkdf(s, "nym-sphinx/v1 salt", "nym-sphinx/v1 hop keys".getBytes(StandardCharsets.US_ASCII)), keys);
        }
    }

    private static byte[] hkdf(byte[] secret, String salt, byte[] info) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, salt.getBytes(StandardCharsets.US_ASCII), info));
        byte[] out = new byte[HopCrypto.KEYS];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    @Test
    void lioness_encryptThenDecrypt_identityForManySizes() {
        Lioness lioness = new Lioness();
        Random r = new Random(91);
        for (int size : new int[] {33, 64, 100, 2048, 4096}) {
            byte[] key = new byte[Lioness.KEY];
            byte[] plain = new byte[size];
            r.nextBytes(key);
            r.nextBytes(plain);
            byte[] buf = plain.clone();
            lioness.encrypt(key, 0, buf, 0, size);
            assertFalse(Arrays.equals(plain, buf));
            lioness.decrypt(key, 0, buf, 0, size);
            assertArrayEquals(plain, buf, "size " + size);
        }
    }

    @Test
    void lioness_oneCiphertextBitFlipped_wholePlaintextChanges() {
        Lioness lioness = new Lioness();
        Random r = new Random(92);
        byte[] key = new byte[Lioness.KEY];
        r.nextBytes(key);
        byte[] plain = new byte[2048];
        byte[] cipher = plain.clone();
        lioness.encrypt(key, 0, cipher, 0, cipher.length);
        for (int bit : new int[] {0, 255, 256, 8 * 1000 + 3, 2048 * 8 - 1}) {
            byte[] c = cipher.clone();
            c[bit / 8] ^= (byte) (1 << (bit % 8));
            lioness.decrypt(key, 0, c, 0, c.length);
            int changedBits = 0;
            for (int i = 0; i < c.length; i++) {
                changedBits += Integer.bitCount((c[i] ^ plain[i]) & 0xff);
            }
            // a random permutation changes about half of 16384 bits; both halves (L and R) must be hit
            assertTrue(changedBits > 7500 && changedBits < 8900, "bit " + bit + " changed " + changedBits);
            assertFalse(Arrays.equals(Arrays.copyOf(c, 16), new byte[16]), "zero prefix survives");
        }
    }

    @Test
    void isCanonical_boundaryEncodings_acceptedBelowPRejectedFromP() {
        byte[] pMinus1 =
                java.util.HexFormat.of().parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] p =
                java.util.HexFormat.of().parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] nine = new byte[32];
        nine[0] = 9;
        assertTrue(HopCrypto.isCanonical(pMinus1, 0));
        assertTrue(HopCrypto.isCanonical(nine, 0));
        assertFalse(HopCrypto.isCanonical(p, 0));
        nine[31] = (byte) 0x80;
        assertFalse(HopCrypto.isCanonical(nine, 0));
    }
}
