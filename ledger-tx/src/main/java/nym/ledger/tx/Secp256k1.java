package nym.ledger.tx;

import java.math.BigInteger;
import java.util.Arrays;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Ethereum-style secp256k1: keccak256, addresses, recoverable signatures (r || s || v, low s).
 */
public final class Secp256k1 {

    public static final int SIGNATURE_BYTES = 65;
    public static final int ADDRESS_BYTES = 20;
    public static final int HASH_BYTES = 32;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private Secp256k1() {}

    public static byte[] keccak256(byte[] data) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** A private key: a scalar in [1, n-1], with its Ethereum address. */
    public record KeyPair(BigInteger privateKey, byte[] address) {
        public KeyPair {
            if (privateKey.signum() <= 0 || privateKey.compareTo(N) >= 0) {
                throw new LedgerException(Kind.INVALID_ARGUMENT, "private key out of range");
            }
        }

        public static KeyPair of(byte[] privateKey32) {
            BigInteger d = new BigInteger(1, privateKey32);
            return new KeyPair(d, addressOf(publicPoint(d)));
        }

        public static KeyPair of(BigInteger d) {
            return new KeyPair(d, addressOf(publicPoint(d)));
        }

        /** Deterministic test/dev key derived from a label (keccak256 of the label). Not for production. */
        public static KeyPair fromSeed(String label) {
            return of(keccak256(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "KeyPair[address=" + nym.ledger.Hex.prefixed(address) + "]";
        }
    }

    static ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    /** The Ethereum address of a public key given compressed (33 bytes) or uncompressed (65 bytes, 0x04 ‖ x ‖ y). */
    public static byte[] addressOfPublicKey(byte[] encoded) {
        if (encoded.length != 33 && encoded.length != 65) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "a secp256k1 public key has 33 or 65 bytes");
        }
        try {
            ECPoint q = CURVE.getCurve().decodePoint(encoded).normalize();
            if (q.isInfinity() || !q.isValid()) {
                throw new IllegalArgumentException("not a valid point");
            }
            return addressOf(q);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "not a secp256k1 public key: " + e.getMessage());
        }
    }

    /** The compressed public key (33 bytes) of a key pair. */
    public static byte[] publicKey(KeyPair k) {
        return publicPoint(k.privateKey()).getEncoded(true);
    }

    static byte[] addressOf(ECPoint q) {
        byte[] enc = q.getEncoded(false);
        byte[] h = keccak256(Arrays.copyOfRange(enc, 1, enc.length));
        return Arrays.copyOfRange(h, 12, 32);
    }

    /** Signs a 32-byte hash; returns r || s || v with low s and v in {0, 1}. */
    public static byte[] sign(byte[] hash32, KeyPair key) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.privateKey(), DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        if (s.compareTo(HALF_N) > 0) {
            s = N.subtract(s);
        }
        ECPoint expected = publicPoint(key.privateKey());
        ECPoint q0 = recoverPoint(hash32, r, s, 0);
        int v = q0 != null && q0.equals(expected) ? 0 : 1; // r < n always here, so the id is 0 or 1
        byte[] out = new byte[SIGNATURE_BYTES];
        put32(out, 0, r);
        put32(out, 32, s);
        out[64] = (byte) v;
        return out;
    }

    /**
     * Recovers the signer's address from a 65-byte signature over a 32-byte hash.
     * Refuses high s, r or s out of range, and v outside {0, 1}: Ethereum's 27/28 would give every signature a
     * second valid encoding, so a relayer could change the bytes (and the hash) of a signed transaction.
     */
    public static byte[] recoverAddress(byte[] hash32, byte[] sig) {
        if (sig == null || sig.length != SIGNATURE_BYTES) {
            throw new LedgerException(Kind.BAD_SIGNATURE, "signature must be 65 bytes (r || s || v)");
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        int v = sig[64] & 0xff;
        if (v != 0 && v != 1) {
            throw new LedgerException(Kind.BAD_SIGNATURE, "signature recovery id v must be 0 or 1, got " + v);
        }
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(HALF_N) > 0) {
            throw new LedgerException(Kind.BAD_SIGNATURE, "signature r/s out of range (s must be low)");
        }
        ECPoint q = recoverPoint(hash32, r, s, v);
        if (q == null) {
            throw new LedgerException(Kind.BAD_SIGNATURE, "signature does not recover a public key");
        }
        return addressOf(q);
    }

    private static ECPoint recoverPoint(byte[] hash, BigInteger r, BigInteger s, int v) {
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (0x02 | (v & 1));
        put32(compressed, 1, r);
        ECPoint rPoint;
        try {
            rPoint = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).mod(N).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q =
                ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, rPoint, u2).normalize();
        return q.isInfinity() ? null : q;
    }

    private static void put32(byte[] out, int off, BigInteger x) {
        byte[] b = x.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, off + 32 - len, len);
    }
}
