package nym.coconut.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.Fixtures;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdTest {
    private static final RandomSource RNG = RandomSource.deterministic(3);

    static Stream<Arguments> thresholds() {
        return Stream.of(
                Arguments.of(1, 1),
                Arguments.of(1, 3),
                Arguments.of(2, 3),
                Arguments.of(3, 3),
                Arguments.of(2, 4),
                Arguments.of(3, 5),
                Arguments.of(4, 6));
    }

    static List<List<Integer>> subsets(int n, int size) {
        List<List<Integer>> out = new ArrayList<>();
        collect(1, n, size, new ArrayList<>(), out);
        return out;
    }

    private static void collect(int from, int n, int size, List<Integer> current, List<List<Integer>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i <= n; i++) {
            current.add(i);
            collect(i + 1, n, size, current, out);
            current.remove(current.size() - 1);
        }
    }

    static List<PartialSignature> pick(List<PartialSignature> all, List<Integer> indices) {
        List<PartialSignature> out = new ArrayList<>();
        for (int i : indices) {
            out.add(all.get(i - 1));
        }
        return out;
    }

    static List<VerificationKeyShare> keysOf(ThresholdKeys keys, List<Integer> indices) {
        List<VerificationKeyShare> out = new ArrayList<>();
        for (int i : indices) {
            out.add(keys.issuer(i).verificationKeyShare());
        }
        return out;
    }

    @ParameterizedTest(name = "t={0}, n={1}")
    @MethodSource("thresholds")
    void aggregate_everySubsetOfSizeT_keyMatchesDealerAndCredentialVerifies(int t, int n) throws CoconutException {
        Parameters params = Setup.setup(3);
        ThresholdKeys keys = KeyGen.ttpKeyGen(params, t, n, RNG);
        Attributes token = Token.newToken(20, RNG);
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(i);
        }
        List<PartialSignature> shares = Fixtures.issueShares(params, keys, all, token, RNG);
        for (PartialSignature share : shares) {
            SignatureVerification.verifyShare(
                    params, keys.issuer(share.index()).verificationKey(), token, share.signature());
        }
        List<List<Integer>> subsets = subsets(n, t);
        for (List<Integer> subset : subsets) {
            VerificationKey vk = Aggregation.aggregateVerificationKeys(keysOf(keys, subset));
            assertEquals(keys.verificationKey(), vk, "subset " + subset);
            Signature sigma = Aggregation.aggregateSignatures(pick(shares, subset));
            SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma);
        }
        // One full showing per key set, from the last subset.
        Signature sigma = Aggregation.aggregateSignatures(pick(shares, subsets.get(subsets.size() - 1)));
        byte[] verifier = {42};
        byte[] nonce = Fixtures.nonce(RNG);
        Theta theta = Showing.proveCredential(params, keys.verificationKey(), sigma, token, verifier, nonce, RNG);
        Showing.verifyCredential(params, keys.verificationKey(), theta, Fixtures.value(20), verifier, nonce);
    }

    @ParameterizedTest(name = "t={0}, n={1}")
    @MethodSource("thresholds")
    void aggregate_everySubsetSmallerThanT_neverVerifiesUnderGroupKey(int t, int n) throws CoconutException {
        Parameters params = Setup.setup(3);
        ThresholdKeys keys = KeyGen.ttpKeyGen(params, t, n, RNG);
        Attributes token = Token.newToken(5, RNG);
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(i);
        }
        List<PartialSignature> shares = Fixtures.issueShares(params, keys, all, token, RNG);
        int checked = 0;
        for (int size = 1; size < t; size++) {
            for (List<Integer> subset : subsets(n, size)) {
                Signature sigma = Aggregation.aggregateSignatures(pick(shares, subset));
                CoconutException e = assertThrows(
                        CoconutException.class,
                        () -> SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma),
                        "subset " + subset);
                assertEquals(Kind.INVALID_SIGNATURE, e.kind());
                assertTrue(!Aggregation.aggregateVerificationKeys(keysOf(keys, subset))
                        .equals(keys.verificationKey()));
                checked++;
            }
        }
        assertEquals(t == 1, checked == 0);
    }

    @Test
    void aggregate_shareFromAnotherKeySet_doesNotVerify() throws CoconutException {
        Parameters params = Setup.setup(3);
        ThresholdKeys keys = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        ThresholdKeys other = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        Attributes token = Token.newToken(50, RNG);
        List<PartialSignature> ours = Fixtures.issueShares(params, keys, List.of(1), token, RNG);
        // The same request is not reusable across runs of prepareBlindSign, so sign the same h with the other set.
        List<PartialSignature> theirs = Fixtures.issueShares(params, other, List.of(2), token, RNG);
        CoconutException mixedH = assertThrows(
                CoconutException.class, () -> Aggregation.aggregateSignatures(List.of(ours.get(0), theirs.get(0))));
        assertEquals(Kind.INVALID_ARGUMENT, mixedH.kind());

        // A share on the same h from the other set's authority 2: check it against our vk_2, and aggregate it.
        ThresholdKeys both = keys;
        List<PartialSignature> mixed = Fixtures.issueSharesMixed(params, keys, other, token, RNG);
        CoconutException single = assertThrows(
                CoconutException.class,
                () -> SignatureVerification.verifyShare(
                        params,
                        both.issuer(2).verificationKey(),
                        token,
                        mixed.get(1).signature()));
        assertEquals(Kind.INVALID_SIGNATURE, single.kind());
        Signature sigma = Aggregation.aggregateSignatures(mixed);
        CoconutException agg = assertThrows(
                CoconutException.class,
                () -> SignatureVerification.verifyShare(params, both.verificationKey(), token, sigma));
        assertEquals(Kind.INVALID_SIGNATURE, agg.kind());
    }

    @Test
    void aggregate_duplicateOrZeroIndex_isInvalidArgument() throws CoconutException {
        Parameters params = Setup.setup(3);
        ThresholdKeys keys = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        VerificationKeyShare one = keys.issuer(1).verificationKeyShare();
        CoconutException e =
                assertThrows(CoconutException.class, () -> Aggregation.aggregateVerificationKeys(List.of(one, one)));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> Lagrange.coefficientsAtZero(List.of(0, 1)))
                        .kind());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> Lagrange.coefficientsAtZero(List.of()))
                        .kind());
    }

    @Test
    void ttpKeyGen_badThreshold_isInvalidArgument() throws CoconutException {
        Parameters params = Setup.setup(2);
        for (int[] tn : new int[][] {{0, 3}, {4, 3}, {1, 0}, {2, 70000}}) {
            CoconutException e =
                    assertThrows(CoconutException.class, () -> KeyGen.ttpKeyGen(params, tn[0], tn[1], RNG));
            assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        }
    }
}
