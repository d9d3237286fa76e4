package nym.coconut.math;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Fiat–Shamir transcript: SHA-512 over a domain-separation label and the length-prefixed, canonical encodings of
 * everything the prover has committed to; the challenge c is the digest reduced mod r (64 bytes, bias &lt; 2^-250).
 */
public final class Transcript {
    private final MessageDigest sha;

    public Transcript(String label) {
        try {
            sha = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by the Java platform", e);
        }
        bytes(label.getBytes(StandardCharsets.UTF_8));
    }

    public Transcript bytes(byte[] b) {
        int n = b.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(b);
        return this;
    }

    public Transcript g1(G1Element p) {
        sha.update(p.toBytes());
        return this;
    }

    public Transcript g1(List<G1Element> ps) {
        integer(ps.size());
        for (G1Element p : ps) {
            g1(p);
        }
        return this;
    }

    public Transcript g2(G2Element p) {
        sha.update(p.toBytes());
        return this;
    }

    public Transcript g2(List<G2Element> ps) {
        integer(ps.size());
        for (G2Element p : ps) {
            g2(p);
        }
        return this;
    }

    public Transcript scalar(BigInteger s) {
        sha.update(Scalars.toBytes(s));
        return this;
    }

    public Transcript scalars(List<BigInteger> s) {
        integer(s.size());
        for (BigInteger x : s) {
            scalar(x);
        }
        return this;
    }

    public Transcript integer(int v) {
        sha.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        return this;
    }

    /** c = SHA-512(transcript) mod r. */
    public BigInteger challenge() {
        return new BigInteger(1, sha.digest()).mod(Scalars.R);
    }
}
