package nym.sphinx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * End-to-end sealing of a Sphinx payload to the recipient's X25519 encryption key R: only the recipient reads it, and
 * every sealed payload fills the network's payload δ exactly, whatever the plaintext's length, so the final hop (which
 * sees the body, {@link ProcessResult.Final}) learns nothing but its length, the same for every packet. Send it with
 * {@link PacketBuilder#buildSealed}.
 *
 * <pre>
 *   sealed = ρ (32) | ChaCha20-Poly1305_k(nonce 0, plaintext | 0x01 | 0x00…) | tag (16)          payloadSize bytes
 *   ρ      = Elligator 2 representative of the ephemeral public key e_pub, two random top bits
 *   k      = HKDF-SHA256(ikm = X25519(e, R), no salt, info = "nym-e2e/v2 seal" | ρ | R)
 * </pre>
 *
 * Every byte of a sealed payload looks uniformly random, like the body of a SURB reply, so the final hop cannot tell
 * them apart: ρ is not a curve point in the clear ({@link HiddenEphemeralKey}, {@link Elligator2}). The recipient maps
 * ρ back to e_pub. e is a fresh ephemeral key per payload, so the all-zero nonce is used once per key. The KDF binds ρ
 * exactly as sent (not e_pub, which 8 different 32-byte strings stand for: two representatives times four values of
 * the top bits) and R: a payload whose ρ was changed in any bit, or opened under another R, fails the tag.
 */
public final class SealedPayload {

    /** Bytes a sealed payload adds to the padded plaintext: the representative ρ and the Poly1305 tag. */
    public static final int OVERHEAD = SphinxSizes.X25519_KEY + 16;

    private static final byte[] LABEL = "nym-e2e/v2 seal".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE = new byte[12];
    private static final int KEY = 32;

    private SealedPayload() {}

    /** Longest plaintext a sealed payload of {@code params} carries (the padding needs one byte). */
    public static int maxPlaintextSize(SphinxParams params) {
        return Payloads.maxMessageSize(paddedSize(params));
    }

    /**
     * Seals {@code plaintext} to {@code recipientPublicKey}.
     *
     * @return exactly {@code params.payloadSize()} bytes
     * @throws SphinxException {@link SphinxException.Kind#MESSAGE_TOO_LONG} beyond {@link #maxPlaintextSize}, {@link
     *     SphinxException.Kind#INVALID_KEY} for a recipient key that is not 32 bytes or of low order
     */
    public static byte[] seal(SphinxParams params, byte[] recipientPublicKey, byte[] plaintext, SecureRandom random)
            throws SphinxException {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(recipientPublicKey, "recipientPublicKey");
        Objects.requireNonNull(random, "random");
        if (recipientPublicKey.length != SphinxSizes.X25519_KEY) {
            throw new SphinxException(SphinxException.Kind.INVALID_KEY, "an encryption key has 32 bytes");
        }
        byte[] padded = Payloads.pad(plaintext, paddedSize(params));
        HiddenEphemeralKey e = HiddenEphemeralKey.generate(random);
        byte[] shared = new byte[SphinxSizes.X25519_KEY];
        byte[] out = new byte[params.payloadSize()];
        try {
            if (!HopCrypto.scalarMult(e.privateKey(), 0, recipientPublicKey, 0, shared, 0)) {
                throw new SphinxException(SphinxException.Kind.INVALID_KEY, "the recipient's key is of low order");
            }
            System.arraycopy(e.representative(), 0, out, 0, SphinxSizes.X25519_KEY);
            Cipher aead = aead(Cipher.ENCRYPT_MODE, key(shared, out, recipientPublicKey));
            aead.doFinal(padded, 0, padded.length, out, SphinxSizes.X25519_KEY);
            return out;
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", ex);
        } finally {
            e.destroy();
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(padded, (byte) 0);
        }
    }

    /**
     * The plaintext of a payload sealed to {@code recipient}.
     *
     * @throws SphinxException {@link SphinxException.Kind#MALFORMED} for another length than the network's payload,
     *     {@link SphinxException.Kind#SEAL_OPEN_FAILED} when it was not sealed to this key, was changed on the way or
     *     carries a low-order ephemeral key, {@link SphinxException.Kind#PAYLOAD_CORRUPTED} for a bad padding under
     *     a valid tag
     */
    public static byte[] open(SphinxParams params, EncryptionKeyPair recipient, byte[] sealed) throws SphinxException {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length != params.payloadSize()) {
            throw new SphinxException(
                    SphinxException.Kind.MALFORMED,
                    "a sealed payload has " + params.payloadSize() + " bytes, got " + sealed.length);
        }
        byte[] shared = new byte[SphinxSizes.X25519_KEY];
        byte[] padded = new byte[paddedSize(params)];
        try {
            byte[] ephemeralPublic = Elligator2.decode(sealed, 0);
            if (!HopCrypto.scalarMult(recipient.rawPrivateKey(), 0, ephemeralPublic, 0, shared, 0)) {
                throw new SphinxException(SphinxException.Kind.SEAL_OPEN_FAILED, "ephemeral key of low order");
            }
            Cipher aead = aead(Cipher.DECRYPT_MODE, key(shared, sealed, recipient.rawPublicKey()));
            aead.doFinal(sealed, SphinxSizes.X25519_KEY, sealed.length - SphinxSizes.X25519_KEY, padded, 0);
            return Payloads.unpad(padded);
        } catch (AEADBadTagException ex) {
            throw new SphinxException(
                    SphinxException.Kind.SEAL_OPEN_FAILED, "not sealed to this key, or changed on the way");
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", ex);
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(padded, (byte) 0);
        }
    }

    private static int paddedSize(SphinxParams params) {
        return params.payloadSize() - OVERHEAD;
    }

    /** k = HKDF-SHA256(shared, info = label | ρ as sent | R). */
    private static byte[] key(byte[] shared, byte[] representative, byte[] recipientPublic) {
        byte[] info = new byte[LABEL.length + 2 * SphinxSizes.X25519_KEY];
        System.arraycopy(LABEL, 0, info, 0, LABEL.length);
        System.arraycopy(representative, 0, info, LABEL.length, SphinxSizes.X25519_KEY);
        System.arraycopy(recipientPublic, 0, info, LABEL.length + SphinxSizes.X25519_KEY, SphinxSizes.X25519_KEY);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, null, info));
        byte[] key = new byte[KEY];
        hkdf.generateBytes(key, 0, KEY);
        return key;
    }

    private static Cipher aead(int mode, byte[] key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(NONCE));
        Arrays.fill(key, (byte) 0);
        return cipher;
    }
}
