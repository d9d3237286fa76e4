package nym.coconut.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.dkg.Complaint.Verdict;
import nym.coconut.encoding.Sizes;
import nym.coconut.keygen.SecretKey;
import nym.coconut.math.G1Element;
import nym.coconut.math.Scalars;
import org.junit.jupiter.api.Test;

class ComplaintTest {
    private static final int BAD_DEALER = 2;
    private static final int VICTIM = 3;

    /** {@code dealing} with recipient i's ciphertext replaced, through the wire form. */
    private static Dealing withCiphertext(DkgRun run, Dealing dealing, int recipient, byte[] ciphertext)
            throws CoconutException {
        int q = run.params.maxAttributes();
        byte[] bytes = dealing.toBytes();
        int at = Sizes.dkgDealing(q, run.threshold, 0) + (recipient - 1) * Sizes.dkgShareCiphertext(q);
        System.arraycopy(ciphertext, 0, bytes, at, ciphertext.length);
        return Dealing.fromBytes(bytes, run.params, run.threshold, run.size());
    }

    /** The dealer's ciphertext for {@code recipient} re-sealed around another share vector, as a cheating dealer would. */
    private static Dealing withShareVector(DkgRun run, Dealing dealing, int dealer, int recipient, byte[] shareVector)
            throws CoconutException {
        DkgKeyPair key = run.key(recipient);
        G1Element k = dealing.randomizer().mul(key.secret());
        byte[] symmetric = ShareCipher.key(DkgRun.context(dealer), recipient, key.publicKey(), dealing.randomizer(), k);
        return withCiphertext(
                run, dealing, recipient, ShareCipher.seal(symmetric, shareVector, DkgRun.context(dealer)));
    }

    private static byte[] shareVector(SecretKey share) {
        return Arrays.copyOfRange(share.toBytes(), Sizes.HEADER + Sizes.COUNT, Sizes.secretKey(share.size()));
    }

    private static Dealing wrongShareFor(DkgRun run, Dealing honest) throws CoconutException {
        SecretKey good = honest.openShare(VICTIM, run.key(VICTIM), DkgRun.context(BAD_DEALER));
        byte[] wrong = shareVector(
                SecretKey.of(Scalars.add(good.x(), BigInteger.ONE), List.of(good.y(0), good.y(1), good.y(2))));
        return withShareVector(run, honest, BAD_DEALER, VICTIM, wrong);
    }

    private static Kind openKind(DkgRun run, Dealing dealing, int recipient, DealingContext context) {
        return assertThrows(CoconutException.class, () -> dealing.openShare(recipient, run.key(recipient), context))
                .kind();
    }

    private static Verdict complain(DkgRun run, Dealing dealing, int recipient, DealingContext context) {
        Complaint complaint = Complaint.against(dealing, recipient, run.key(recipient), context, run.rng);
        assertEquals(recipient, complaint.recipient());
        return complaint.judge(dealing, run.key(recipient).publicKey(), context);
    }

    @Test
    void judge_wrongShare_justifiedAndRestCompleteWithoutDealer() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 11);
        SortedMap<Integer, Dealing> dealings = run.dealings(List.of(1, 2, 3));
        Dealing bad = wrongShareFor(run, dealings.get(BAD_DEALER));
        dealings.put(BAD_DEALER, bad);

        assertEquals(Kind.INVALID_SIGNATURE, openKind(run, bad, VICTIM, DkgRun.context(BAD_DEALER)));
        assertEquals(Verdict.JUSTIFIED, complain(run, bad, VICTIM, DkgRun.context(BAD_DEALER)));
        // The other recipients' shares are fine, so their complaints would be false.
        assertEquals(Verdict.UNJUSTIFIED, complain(run, bad, 1, DkgRun.context(BAD_DEALER)));

        SortedMap<Integer, Dealing> qualified = new TreeMap<>(dealings);
        qualified.remove(BAD_DEALER);
        DkgResult result = DkgResult.combine(qualified);
        Map<Integer, SecretKey> shares = run.secretShares(qualified);
        run.issueAndVerify(result, shares, List.of(1, 3));
        run.issueAndVerify(result, shares, List.of(2, 3));
        // With the bad dealing in, the victim cannot even compute its share.
        assertEquals(
                Kind.INVALID_SIGNATURE,
                assertThrows(
                                CoconutException.class,
                                () -> DkgResult.secretShare(
                                        dealings, DkgRun.contexts(dealings), VICTIM, run.key(VICTIM)))
                        .kind());
    }

    @Test
    void judge_corruptedCiphertext_justified() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 12);
        Dealing honest = run.deal(BAD_DEALER);
        byte[] ciphertext = new byte[Sizes.dkgShareCiphertext(run.params.maxAttributes())];
        run.rng.nextBytes(ciphertext);
        Dealing bad = withCiphertext(run, honest, VICTIM, ciphertext);
        assertEquals(Kind.INVALID_PROOF, openKind(run, bad, VICTIM, DkgRun.context(BAD_DEALER)));
        assertEquals(Verdict.JUSTIFIED, complain(run, bad, VICTIM, DkgRun.context(BAD_DEALER)));
    }

    @Test
    void judge_nonCanonicalShare_justified() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 13);
        Dealing honest = run.deal(BAD_DEALER);
        SecretKey good = honest.openShare(VICTIM, run.key(VICTIM), DkgRun.context(BAD_DEALER));
        byte[] vector = shareVector(good);
        // x + r (< 2r < 2^256): the same value in the exponent, but not the canonical scalar the recipient must get.
        System.arraycopy(Scalars.toBytes(good.x().add(Scalars.R)), 0, vector, 0, Sizes.SCALAR);
        Dealing bad = withShareVector(run, honest, BAD_DEALER, VICTIM, vector);
        assertEquals(Kind.INVALID_SIGNATURE, openKind(run, bad, VICTIM, DkgRun.context(BAD_DEALER)));
        assertEquals(Verdict.JUSTIFIED, complain(run, bad, VICTIM, DkgRun.context(BAD_DEALER)));
    }

    @Test
    void judge_honestDealing_unjustified() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 14);
        Dealing honest = run.deal(1);
        for (int i = 1; i <= 3; i++) {
            assertEquals(Verdict.UNJUSTIFIED, complain(run, honest, i, DkgRun.context(1)));
        }
    }

    @Test
    void judge_tamperedProofWrongPointOrOtherKey_invalidProof() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 15);
        Dealing bad = wrongShareFor(run, run.deal(BAD_DEALER));
        DealingContext context = DkgRun.context(BAD_DEALER);
        Complaint complaint = Complaint.against(bad, VICTIM, run.key(VICTIM), context, run.rng);
        DkgPublicKey victimKey = run.key(VICTIM).publicKey();
        assertEquals(Verdict.JUSTIFIED, complaint.judge(bad, victimKey, context));

        byte[] bytes = complaint.toBytes();
        int kAt = Sizes.HEADER + Sizes.INDEX;
        int challengeAt = kAt + Sizes.G1;
        int responseAt = challengeAt + Sizes.SCALAR;
        // K·g1: a valid point, but not R^{dk}.
        byte[] wrongK = bytes.clone();
        G1Element k = G1Element.fromBytes(Arrays.copyOfRange(bytes, kAt, challengeAt), false);
        System.arraycopy(k.add(G1Element.GENERATOR).toBytes(), 0, wrongK, kAt, Sizes.G1);
        for (byte[] tampered :
                List.of(wrongK, plusOne(bytes, challengeAt), plusOne(bytes, responseAt), withRecipient(bytes, 1))) {
            assertEquals(Verdict.INVALID_PROOF, Complaint.fromBytes(tampered).judge(bad, victimKey, context));
        }
        // Judged for another recipient's key, or under another context.
        assertEquals(Verdict.INVALID_PROOF, complaint.judge(bad, run.key(1).publicKey(), context));
        assertEquals(
                Verdict.INVALID_PROOF,
                complaint.judge(bad, victimKey, new DealingContext(DkgRun.CHAIN, DkgRun.EPOCH + 1, BAD_DEALER)));
        // Naming a recipient the dealing does not have.
        assertEquals(
                Verdict.INVALID_PROOF,
                Complaint.fromBytes(withRecipient(bytes, 4)).judge(bad, victimKey, context));
    }

    private static byte[] plusOne(byte[] bytes, int scalarAt) throws CoconutException {
        byte[] out = bytes.clone();
        BigInteger s = Scalars.fromCanonicalBytes(Arrays.copyOfRange(bytes, scalarAt, scalarAt + Sizes.SCALAR));
        System.arraycopy(Scalars.toBytes(Scalars.add(s, BigInteger.ONE)), 0, out, scalarAt, Sizes.SCALAR);
        return out;
    }

    private static byte[] withRecipient(byte[] bytes, int recipient) {
        byte[] out = bytes.clone();
        out[Sizes.HEADER] = (byte) (recipient >>> 8);
        out[Sizes.HEADER + 1] = (byte) recipient;
        return out;
    }

    @Test
    void openShare_dealingReplayedUnderOtherContext_doesNotOpenAndComplaintJustified() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 16);
        Dealing dealing = run.deal(1);
        for (DealingContext replayed : List.of(
                DkgRun.context(2),
                new DealingContext(DkgRun.CHAIN, DkgRun.EPOCH + 1, 1),
                new DealingContext("other-chain", DkgRun.EPOCH, 1))) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(Kind.INVALID_PROOF, openKind(run, dealing, i, replayed), replayed.toString());
                assertEquals(Verdict.JUSTIFIED, complain(run, dealing, i, replayed), replayed.toString());
            }
        }
    }

    @Test
    void complaint_bytes_roundTripAndHideTheSecret() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 17);
        Dealing dealing = run.deal(1);
        Complaint complaint = Complaint.against(dealing, 2, run.key(2), DkgRun.context(1), run.rng);
        byte[] bytes = complaint.toBytes();
        assertEquals(Sizes.dkgComplaint(), bytes.length);
        assertArrayEquals(bytes, Complaint.fromBytes(bytes).toBytes());
        assertEquals(
                Verdict.UNJUSTIFIED,
                Complaint.fromBytes(bytes).judge(dealing, run.key(2).publicKey(), DkgRun.context(1)));
        String secret = run.key(2).secretText();
        assertFalse(complaint.toString().contains(secret));
        assertFalse(HexFormat.of().formatHex(bytes).contains(secret));
    }
}
