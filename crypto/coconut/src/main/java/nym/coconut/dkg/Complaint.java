package nym.coconut.dkg;

import java.math.BigInteger;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;
import nym.coconut.math.Scalars;
import nym.coconut.math.Transcript;

/**
 * Recipient i's publicly checkable complaint against a dealing: the decryption point K = R^{dk_i} and a Chaum–Pedersen
 * proof that log_{g1} ek_i = log_R K, bound to the dealing's context and i. Binary form, version 1:
 * {@code 0x01 ‖ 0x0C ‖ u16 i ‖ K (G1, 48) ‖ challenge (32) ‖ response (32)}.
 */
public final class Complaint {
    private static final String LABEL = "NYM-COCONUT-V01/dkg-complaint";

    /** What a complaint shows once checked. */
    public enum Verdict {
        /** The proof holds and the share is bad (does not open, or does not match the commitments). */
        JUSTIFIED,
        /** The proof holds but the share is good: the complaint is false. */
        UNJUSTIFIED,
        /** The proof does not hold (or names another recipient than asked): the complaint shows nothing. */
        INVALID_PROOF
    }

    private final int recipient;
    private final G1Element sharedPoint;
    private final BigInteger challenge;
    private final BigInteger response;

    private Complaint(int recipient, G1Element sharedPoint, BigInteger challenge, BigInteger response) {
        this.recipient = recipient;
        this.sharedPoint = sharedPoint;
        this.challenge = challenge;
        this.response = response;
    }

    /** Recipient {@code recipient}'s complaint against {@code dealing} (i in 1..n). */
    public static Complaint against(
            Dealing dealing, int recipient, DkgKeyPair recipientKey, DealingContext context, RandomSource rng) {
        if (recipient < 1 || recipient > dealing.recipients()) {
            throw new IllegalArgumentException("no recipient " + recipient + " in this dealing");
        }
        G1Element g1 = G1Element.GENERATOR;
        G1Element randomizer = dealing.randomizer();
        BigInteger dk = recipientKey.secret();
        G1Element sharedPoint = randomizer.mul(dk);
        BigInteger w = Scalars.randomNonZero(rng);
        BigInteger c = challenge(
                context, recipient, recipientKey.publicKey(), randomizer, sharedPoint, g1.mul(w), randomizer.mul(w));
        return new Complaint(recipient, sharedPoint, c, Scalars.sub(w, Scalars.mul(c, dk)));
    }

    /** The Fiat–Shamir challenge over everything the proof is about, so it cannot be moved to another statement. */
    private static BigInteger challenge(
            DealingContext context,
            int recipient,
            DkgPublicKey ek,
            G1Element randomizer,
            G1Element sharedPoint,
            G1Element commitmentG1,
            G1Element commitmentR) {
        return new Transcript(LABEL)
                .bytes(context.toBytes())
                .integer(recipient)
                .g1(G1Element.GENERATOR)
                .g1(ek.point())
                .g1(randomizer)
                .g1(sharedPoint)
                .g1(commitmentG1)
                .g1(commitmentR)
                .challenge();
    }

    public static Complaint fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.DKG_COMPLAINT).expectTotal(Sizes.dkgComplaint());
        int recipient = r.index();
        G1Element sharedPoint = r.g1();
        BigInteger challenge = r.scalar();
        BigInteger response = r.scalar();
        r.end();
        return new Complaint(recipient, sharedPoint, challenge, response);
    }

    public byte[] toBytes() {
        return new ByteWriter(TypeTag.DKG_COMPLAINT, Sizes.dkgComplaint())
                .u16(recipient)
                .g1(sharedPoint)
                .scalar(challenge)
                .scalar(response)
                .toBytes();
    }

    /** The complaining recipient's index i. */
    public int recipient() {
        return recipient;
    }

    /**
     * Judges this complaint against {@code dealing} for the recipient whose public key is given. Pure, deterministic:
     * first the proof (with K it would open any recipient's ciphertext, so only the true K may count), then the share
     * K opens, exactly as the recipient would have checked it.
     */
    public Verdict judge(Dealing dealing, DkgPublicKey recipientKey, DealingContext context) {
        if (recipient > dealing.recipients() || !proofHolds(dealing.randomizer(), recipientKey, context)) {
            return Verdict.INVALID_PROOF;
        }
        try {
            dealing.share(recipient, recipientKey, sharedPoint, context);
            return Verdict.UNJUSTIFIED;
        } catch (CoconutException badShare) {
            return Verdict.JUSTIFIED;
        }
    }

    /** g1^z · ek^c and R^z · K^c recompute the prover's commitments, hence its challenge, iff log_g1 ek = log_R K. */
    private boolean proofHolds(G1Element randomizer, DkgPublicKey ek, DealingContext context) {
        G1Element commitmentG1 =
                G1Element.GENERATOR.mul(response).add(ek.point().mul(challenge));
        G1Element commitmentR = randomizer.mul(response).add(sharedPoint.mul(challenge));
        return challenge(context, recipient, ek, randomizer, sharedPoint, commitmentG1, commitmentR)
                .equals(challenge);
    }

    @Override
    public String toString() {
        return "Complaint[recipient=" + recipient + "]";
    }
}
