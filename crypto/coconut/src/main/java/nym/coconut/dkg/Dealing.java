package nym.coconut.dkg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TypeTag;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Polynomial;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Parameters;

/**
 * One dealer's dealing: Feldman commitments to q + 1 polynomials of degree t − 1 and every recipient's encrypted
 * share vector (see the package documentation). Binary form, version 1:
 * {@code 0x01 ‖ 0x0B ‖ u8 q+1 ‖ u8 t ‖ u16 n ‖ (q+1)·t commitments (G2, 96 bytes each, c-major) ‖ R (G1, 48) ‖
 * n ciphertexts ((q+1)·32 + 16 bytes each, recipient 1 first)}. The context is not inside: the ledger transaction
 * carrying the dealing names it.
 */
public final class Dealing {
    /** The largest t the encoding's one-byte count can carry. */
    private static final int MAX_THRESHOLD = 0xFF;

    private final Parameters params;
    private final Commitments commitments;
    private final G1Element randomizer;
    private final List<byte[]> ciphertexts;

    private Dealing(Parameters params, Commitments commitments, G1Element randomizer, List<byte[]> ciphertexts) {
        this.params = params;
        this.commitments = commitments;
        this.randomizer = randomizer;
        this.ciphertexts = List.copyOf(ciphertexts);
    }

    /**
     * Deals for recipients 1..n, recipient i's key at {@code recipients.get(i - 1)}; {@code rng} must be a secure
     * source in production (the polynomials are never stored: a lost dealing is simply dealt again next epoch).
     */
    public static Dealing deal(
            Parameters params, int threshold, List<DkgPublicKey> recipients, DealingContext context, RandomSource rng)
            throws CoconutException {
        checkShape(threshold, recipients.size());
        int width = params.maxAttributes() + 1;
        List<Polynomial> polynomials = new ArrayList<>(width);
        List<List<G2Element>> rows = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            Polynomial f = Polynomial.random(threshold, rng);
            List<G2Element> row = new ArrayList<>(threshold);
            for (int k = 0; k < threshold; k++) {
                row.add(params.g2().mul(f.coefficient(k)));
            }
            polynomials.add(f);
            rows.add(row);
        }
        BigInteger r = Scalars.randomNonZero(rng);
        G1Element randomizer = params.g1().mul(r);
        List<byte[]> ciphertexts = new ArrayList<>(recipients.size());
        for (int i = 1; i <= recipients.size(); i++) {
            DkgPublicKey ek = recipients.get(i - 1);
            byte[] key = ShareCipher.key(context, i, ek, randomizer, ek.point().mul(r));
            byte[] plaintext = shareVector(polynomials, i);
            ciphertexts.add(ShareCipher.seal(key, plaintext, context));
            Arrays.fill(plaintext, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
        return new Dealing(params, new Commitments(rows), randomizer, ciphertexts);
    }

    private static byte[] shareVector(List<Polynomial> polynomials, int recipient) {
        BigInteger at = BigInteger.valueOf(recipient);
        byte[] out = new byte[Sizes.SCALAR * polynomials.size()];
        for (int c = 0; c < polynomials.size(); c++) {
            byte[] share = Scalars.toBytes(polynomials.get(c).evaluate(at));
            System.arraycopy(share, 0, out, c * Sizes.SCALAR, Sizes.SCALAR);
        }
        return out;
    }

    /** INVALID_ARGUMENT unless 1 ≤ t ≤ min(n, 255) and n ≤ 65535. */
    static void checkShape(int threshold, int recipients) throws CoconutException {
        if (threshold < 1 || threshold > MAX_THRESHOLD || recipients < threshold || recipients > Sizes.MAX_INDEX) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT,
                    "need 1 ≤ t ≤ n, t ≤ " + MAX_THRESHOLD + ", n ≤ " + Sizes.MAX_INDEX + ", got t=" + threshold
                            + ", n=" + recipients);
        }
    }

    /**
     * Parses and checks the structure against what the dealing must be for: q + 1 = params.maxAttributes() + 1, t
     * and n as given, every point canonical and in its subgroup, commitments to the constant terms not the identity.
     * Kinds: MALFORMED_ENCODING, UNSUPPORTED_VERSION, WRONG_TYPE, INVALID_ARGUMENT (q, t or n differ), point kinds.
     */
    public static Dealing fromBytes(byte[] bytes, Parameters params, int threshold, int recipients)
            throws CoconutException {
        checkShape(threshold, recipients);
        ByteReader r = ByteReader.open(bytes, TypeTag.DKG_DEALING);
        int width = r.u8();
        int t = r.u8();
        int n = r.u16();
        int q = params.maxAttributes();
        if (width != q + 1 || t != threshold || n != recipients) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT,
                    "dealing is for q+1=" + width + ", t=" + t + ", n=" + n + "; expected q+1=" + (q + 1) + ", t="
                            + threshold + ", n=" + recipients);
        }
        r.expectTotal(Sizes.dkgDealing(q, t, n));
        // The reader refuses the identity for every point, the constant terms' commitments included.
        Commitments commitments = Commitments.read(r, width, t);
        G1Element randomizer = r.g1();
        List<byte[]> ciphertexts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ciphertexts.add(r.raw(Sizes.dkgShareCiphertext(q)));
        }
        r.end();
        return new Dealing(params, commitments, randomizer, ciphertexts);
    }

    public byte[] toBytes() {
        int q = params.maxAttributes();
        ByteWriter w = new ByteWriter(TypeTag.DKG_DEALING, Sizes.dkgDealing(q, threshold(), recipients()))
                .u8(q + 1)
                .u8(threshold())
                .u16(recipients());
        commitments.write(w);
        w.g1(randomizer);
        ciphertexts.forEach(w::raw);
        return w.toBytes();
    }

    /** t. */
    public int threshold() {
        return commitments.threshold();
    }

    /** n. */
    public int recipients() {
        return ciphertexts.size();
    }

    /**
     * Recipient i's share vector (f_c(i))_c as a secret key, decrypted and checked against the commitments.
     * Throws INVALID_PROOF when the ciphertext does not open under this context, INVALID_SIGNATURE when the share does
     * not match the commitments: either is grounds for a {@link Complaint}. INVALID_ARGUMENT when i is not in 1..n.
     */
    public SecretKey openShare(int recipient, DkgKeyPair recipientKey, DealingContext context) throws CoconutException {
        if (recipient < 1 || recipient > recipients()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "no recipient " + recipient + " in this dealing");
        }
        return share(recipient, recipientKey.publicKey(), randomizer.mul(recipientKey.secret()), context);
    }

    /**
     * The share vector of recipient i (in 1..n) given K = R^{dk_i}: what the recipient computes itself and what a
     * complaint discloses. Kinds as for {@link #openShare}.
     */
    SecretKey share(int recipient, DkgPublicKey recipientKey, G1Element sharedPoint, DealingContext context)
            throws CoconutException {
        byte[] key = ShareCipher.key(context, recipient, recipientKey, randomizer, sharedPoint);
        byte[] plaintext = ShareCipher.open(key, ciphertexts.get(recipient - 1), context);
        Arrays.fill(key, (byte) 0);
        try {
            SecretKey share = parseShareVector(plaintext);
            if (!KeyGen.verificationKey(params, share).equals(commitments.evaluate(recipient))) {
                throw new CoconutException(Kind.INVALID_SIGNATURE, "share does not match the dealer's commitments");
            }
            return share;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** A scalar ≥ r is a bad share like any other (INVALID_SIGNATURE), not a malformed dealing. */
    private static SecretKey parseShareVector(byte[] plaintext) throws CoconutException {
        List<BigInteger> scalars = new ArrayList<>(plaintext.length / Sizes.SCALAR);
        for (int off = 0; off < plaintext.length; off += Sizes.SCALAR) {
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(plaintext, off, off + Sizes.SCALAR));
            if (!Scalars.isCanonical(s)) {
                throw new CoconutException(Kind.INVALID_SIGNATURE, "share is not a canonical scalar");
            }
            scalars.add(s);
        }
        return SecretKey.of(scalars.get(0), scalars.subList(1, scalars.size()));
    }

    /** This dealing's contribution to vk_i: (Π_k C_{c,k}^{i^k})_c, index i (in 1..n). */
    public VerificationKeyShare committedShare(int recipient) {
        if (recipient < 1 || recipient > recipients()) {
            throw new IllegalArgumentException("no recipient " + recipient + " in this dealing");
        }
        return new VerificationKeyShare(recipient, commitments.evaluate(recipient));
    }

    /** q. */
    int attributes() {
        return commitments.width() - 1;
    }

    Commitments commitments() {
        return commitments;
    }

    /** R = g1^r. */
    G1Element randomizer() {
        return randomizer;
    }

    @Override
    public String toString() {
        return "Dealing[q=" + attributes() + ", t=" + threshold() + ", n=" + recipients() + "]";
    }
}
