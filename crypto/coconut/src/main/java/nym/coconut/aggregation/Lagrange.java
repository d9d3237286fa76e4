package nym.coconut.aggregation;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.encoding.Sizes;
import nym.coconut.math.Scalars;

/** Lagrange basis polynomials at 0 over a set of distinct share indices: l_i = ∏_{j≠i} j / (j − i) mod r. */
public final class Lagrange {
    private Lagrange() {}

    /** l_i for each index, in the given order. Indices must be distinct and in [1, 65535]. */
    public static BigInteger[] coefficientsAtZero(List<Integer> indices) throws CoconutException {
        if (indices.isEmpty()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "no shares to aggregate");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i : indices) {
            if (i < 1 || i > Sizes.MAX_INDEX || !seen.add(i)) {
                throw new CoconutException(
                        Kind.INVALID_ARGUMENT,
                        "share indices must be distinct and in [1, " + Sizes.MAX_INDEX + "]: " + indices);
            }
        }
        BigInteger[] out = new BigInteger[indices.size()];
        for (int a = 0; a < indices.size(); a++) {
            BigInteger num = BigInteger.ONE;
            BigInteger den = BigInteger.ONE;
            long i = indices.get(a);
            for (int b = 0; b < indices.size(); b++) {
                if (a == b) {
                    continue;
                }
                long j = indices.get(b);
                num = num.multiply(BigInteger.valueOf(j));
                den = den.multiply(BigInteger.valueOf(j - i));
            }
            out[a] = Scalars.mul(num.mod(Scalars.R), Scalars.inverse(den.mod(Scalars.R)));
        }
        return out;
    }
}
