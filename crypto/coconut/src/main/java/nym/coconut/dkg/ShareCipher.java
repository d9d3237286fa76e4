package nym.coconut.dkg;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.math.G1Element;

/**
 * The symmetric half of the hashed ElGamal that carries a share vector from dealer to recipient i: the key is
 * SHA-256 over a label, the dealing's context, i, ek_i, R and K = ek_i^r = R^{dk_i}, and the share vector is sealed
 * with ChaCha20-Poly1305 under the context as associated data. Anyone who learns K (a complaint publishes it) can
 * open exactly that one ciphertext and nothing else.
 */
final class ShareCipher {
    private static final byte[] LABEL = "NYM-COCONUT-V01/dkg-share-key".getBytes(StandardCharsets.UTF_8);
    /**
     * Always zero: each key seals exactly one message, since it hashes R, fresh for every dealing, and the recipient;
     * a nonce only has to be unique per key.
     */
    private static final byte[] NONCE = new byte[12];

    private ShareCipher() {}

    static byte[] key(DealingContext context, int recipient, DkgPublicKey ek, G1Element r, G1Element k) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        lengthPrefixed(sha, LABEL);
        lengthPrefixed(sha, context.toBytes());
        sha.update(new byte[] {(byte) (recipient >>> 8), (byte) recipient});
        sha.update(ek.toBytes());
        sha.update(r.toBytes());
        sha.update(k.toBytes());
        return sha.digest();
    }

    private static void lengthPrefixed(MessageDigest sha, byte[] b) {
        int n = b.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(b);
    }

    static byte[] seal(byte[] key, byte[] plaintext, DealingContext context) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, context).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is required by the Java platform", e);
        }
    }

    /** INVALID_PROOF when the ciphertext does not open under this key and context. */
    static byte[] open(byte[] key, byte[] ciphertext, DealingContext context) throws CoconutException {
        try {
            return cipher(Cipher.DECRYPT_MODE, key, context).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new CoconutException(Kind.INVALID_PROOF, "share ciphertext does not open under this context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 is required by the Java platform", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, DealingContext context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(NONCE));
        cipher.updateAAD(context.toBytes());
        return cipher;
    }
}
