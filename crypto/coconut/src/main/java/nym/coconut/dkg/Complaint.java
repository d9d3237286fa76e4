package nym.coconut.dkg;

import nym.coconut.CoconutException;
import nym.coconut.RandomSource;

/**
 * Recipient i's publicly checkable complaint against a dealing: the decryption point K = R^{dk_i} and a Chaum–Pedersen
 * proof that log_{g1} ek_i = log_R K, bound to the dealing's context and i. Binary form, version 1:
 * {@code 0x01 ‖ 'K' ‖ u16 i ‖ K (G1, 48) ‖ challenge (32) ‖ response (32)}.
 */
public final class Complaint {

    /** What a complaint shows once checked. */
    public enum Verdict {
        /** The proof holds and the share is bad (does not open, or does not match the commitments). */
        JUSTIFIED,
        /** The proof holds but the share is good: the complaint is false. */
        UNJUSTIFIED,
        /** The proof does not hold (or names another recipient than asked): the complaint shows nothing. */
        INVALID_PROOF
    }

    /** Recipient {@code recipient}'s complaint against {@code dealing}. */
    public static Complaint against(
            Dealing dealing, int recipient, DkgKeyPair recipientKey, DealingContext context, RandomSource rng) {
        throw new UnsupportedOperationException("contract only");
    }

    public static Complaint fromBytes(byte[] bytes) throws CoconutException {
        throw new UnsupportedOperationException("contract only");
    }

    public byte[] toBytes() {
        throw new UnsupportedOperationException("contract only");
    }

    /** The complaining recipient's index i. */
    public int recipient() {
        throw new UnsupportedOperationException("contract only");
    }

    /** Judges this complaint against {@code dealing} for the recipient whose public key is given. Pure, deterministic. */
    public Verdict judge(Dealing dealing, DkgPublicKey recipientKey, DealingContext context) {
        throw new UnsupportedOperationException("contract only");
    }
}
