package nym.coconut.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.aggregation.Lagrange;
import nym.coconut.encoding.Sizes;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;
import org.junit.jupiter.api.Test;

class DkgTest {
    private static final List<List<Integer>> PAIRS = List.of(List.of(1, 2), List.of(1, 3), List.of(2, 3));

    @Test
    void combine_allHonest_credentialsFromAnyTwoVerifyUnderGroupKey() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 1);
        SortedMap<Integer, Dealing> dealings = run.dealings(List.of(1, 2, 3));
        for (int j = 1; j <= 3; j++) {
            for (int i = 1; i <= 3; i++) {
                SecretKey share = dealings.get(j).openShare(i, run.key(i), DkgRun.context(j));
                assertEquals(dealings.get(j).committedShare(i).key(), KeyGen.verificationKey(run.params, share));
            }
        }
        DkgResult result = DkgResult.combine(dealings);
        Map<Integer, SecretKey> shares = run.secretShares(dealings);
        assertEquals(3, result.size());
        for (int i = 1; i <= 3; i++) {
            assertEquals(i, result.share(i).index());
            assertEquals(result.share(i).key(), KeyGen.verificationKey(run.params, shares.get(i)));
        }
        for (List<Integer> signers : PAIRS) {
            run.issueAndVerify(result, shares, signers);
        }
    }

    @Test
    void combine_oneDealerAbsent_otherTwoComplete() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 2);
        SortedMap<Integer, Dealing> dealings = run.dealings(List.of(1, 3));
        DkgResult result = DkgResult.combine(dealings);
        Map<Integer, SecretKey> shares = run.secretShares(dealings);
        for (List<Integer> signers : PAIRS) {
            run.issueAndVerify(result, shares, signers);
        }
    }

    @Test
    void combine_groupKey_isLagrangeReconstructionAndProductOfConstantCommitments() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 3);
        SortedMap<Integer, Dealing> dealings = run.dealings(List.of(1, 2, 3));
        DkgResult result = DkgResult.combine(dealings);
        Map<Integer, SecretKey> shares = run.secretShares(dealings);

        for (List<Integer> pair : PAIRS) {
            BigInteger[] l = Lagrange.coefficientsAtZero(pair);
            SecretKey a = shares.get(pair.get(0));
            SecretKey b = shares.get(pair.get(1));
            BigInteger x = Scalars.add(Scalars.mul(l[0], a.x()), Scalars.mul(l[1], b.x()));
            List<BigInteger> ys = new ArrayList<>();
            for (int c = 0; c < a.size(); c++) {
                ys.add(Scalars.add(Scalars.mul(l[0], a.y(c)), Scalars.mul(l[1], b.y(c))));
            }
            SecretKey reconstructed = SecretKey.of(x, ys);
            assertEquals(result.verificationKey(), KeyGen.verificationKey(run.params, reconstructed), pair.toString());
        }

        // Read the constant commitments C_{j,c,0} straight from the wire form, independently of the library.
        int q = run.params.maxAttributes();
        G2Element[] product = new G2Element[q + 1];
        for (Dealing d : dealings.values()) {
            VerificationKey constants = constantCommitments(d.toBytes(), q, run.threshold);
            assertNotEquals(result.verificationKey(), constants, "no single dealer's key is the group key");
            for (int c = 0; c <= q; c++) {
                G2Element point = c == 0 ? constants.alpha() : constants.beta(c - 1);
                product[c] = product[c] == null ? point : product[c].add(point);
            }
        }
        assertEquals(
                new VerificationKey(product[0], Arrays.asList(product).subList(1, q + 1)), result.verificationKey());
    }

    private static VerificationKey constantCommitments(byte[] dealing, int q, int t) throws CoconutException {
        int start = Sizes.HEADER + 2 * Sizes.COUNT + Sizes.INDEX;
        List<G2Element> constants = new ArrayList<>();
        for (int c = 0; c <= q; c++) {
            int at = start + c * t * Sizes.G2;
            constants.add(G2Element.fromBytes(Arrays.copyOfRange(dealing, at, at + Sizes.G2), false));
        }
        return new VerificationKey(constants.get(0), constants.subList(1, constants.size()));
    }

    @Test
    void combine_fewerThanThresholdOrMismatchedDealings_isInvalidArgument() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 4);
        SortedMap<Integer, Dealing> one = run.dealings(List.of(1));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> DkgResult.combine(one))
                        .kind());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> DkgResult.combine(new TreeMap<>()))
                        .kind());
        DkgRun other = new DkgRun(3, 3, 5);
        SortedMap<Integer, Dealing> mixed = run.dealings(List.of(1, 2));
        mixed.put(3, other.deal(3));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> DkgResult.combine(mixed))
                        .kind());
        SortedMap<Integer, Dealing> two = run.dealings(List.of(1, 2));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> DkgResult.secretShare(two, Map.of(), 1, run.key(1)))
                        .kind());
    }

    @Test
    void deal_thresholdOutOfRange_isInvalidArgument() throws CoconutException {
        DkgRun run = new DkgRun(2, 3, 6);
        for (int t : new int[] {0, 4}) {
            assertEquals(
                    Kind.INVALID_ARGUMENT,
                    assertThrows(
                                    CoconutException.class,
                                    () -> Dealing.deal(run.params, t, run.publicKeys, DkgRun.context(1), run.rng))
                            .kind());
        }
    }
}
