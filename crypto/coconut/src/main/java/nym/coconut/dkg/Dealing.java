package nym.coconut.dkg;

import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;

/**
 * One dealer's dealing: Feldman commitments to q + 1 polynomials of degree t − 1 and every recipient's encrypted
 * share vector (see the package documentation). Binary form, version 1:
 * {@code 0x01 ‖ 'G' ‖ u8 q+1 ‖ u8 t ‖ u16 n ‖ (q+1)·t commitments (G2, 96 bytes each, c-major) ‖ R (G1, 48) ‖
 * n ciphertexts ((q+1)·32 + 16 bytes each, recipient 1 first)}. The context is not inside: the ledger transaction
 * carrying the dealing names it.
 */
public final class Dealing {

    /**
     * Deals for recipients 1..n, recipient i's key at {@code recipients.get(i - 1)}; {@code rng} must be a secure
     * source in production (the polynomials are never stored: a lost dealing is simply dealt again next epoch).
     */
    public static Dealing deal(
            Parameters params, int threshold, List<DkgPublicKey> recipients, DealingContext context, RandomSource rng)
            throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    /**
     * Parses and checks the structure against what the dealing must be for: q + 1 = params.maxAttributes() + 1, t
     * and n as given, every point canonical and in its subgroup, commitments to the constant terms not the identity.
     * Kinds: MALFORMED_ENCODING, UNSUPPORTED_VERSION, WRONG_TYPE, INVALID_ARGUMENT (q, t or n differ), point kinds.
     */
    public static Dealing fromBytes(byte[] bytes, Parameters params, int threshold, int recipients)
            throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    public byte[] toBytes() {
        throw new UnsupportedOperationException("contract only");
    }

    /** t. */
    public int threshold() {
        throw new UnsupportedOperationException("contract only");
    }

    /** n. */
    public int recipients() {
        throw new UnsupportedOperationException("contract only");
    }

    /**
     * Recipient i's share vector (f_c(i))_c as a secret key, decrypted and checked against the commitments.
     * Throws INVALID_PROOF when the ciphertext does not open under this context, INVALID_SIGNATURE when the share does
     * not match the commitments: either is grounds for a {@link Complaint}.
     */
    public SecretKey openShare(int recipient, DkgKeyPair recipientKey, DealingContext context) throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    /** This dealing's contribution to vk_i: (Π_k C_{c,k}^{i^k})_c, index i. */
    public VerificationKeyShare committedShare(int recipient) {
        throw new UnsupportedOperationException("contract only");
    }
}
