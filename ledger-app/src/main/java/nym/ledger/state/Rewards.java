package nym.ledger.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount pro rata by weight in whole NYM, exactly: each share gets floor(total × w / Σw), and what is left
 * (fewer NYM than shares) goes one each to the largest fractional parts, ties by key bytes (unsigned, ascending). The
 * shares always sum to {@code total}, or are all 0 when Σw = 0.
 */
final class Rewards {
    private Rewards() {}

    /** One claimant: its weight and the bytes that order it among equal fractional parts. */
    record Share(byte[] key, BigInteger weight) {}

    static long[] split(long total, List<Share> shares) {
        long[] out = new long[shares.size()];
        BigInteger sum = shares.stream().map(Share::weight).reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() == 0 || total == 0) {
            return out;
        }
        BigInteger t = BigInteger.valueOf(total);
        BigInteger[] remainders = new BigInteger[shares.size()];
        long given = 0;
        for (int i = 0; i < out.length; i++) {
            BigInteger[] qr = t.multiply(shares.get(i).weight()).divideAndRemainder(sum);
            out[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += out[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
                .reversed()
                .thenComparing((a, b) -> Arrays.compareUnsigned(
                        shares.get(a).key(), shares.get(b).key())));
        for (int j = 0; j < total - given; j++) {
            out[order.get(j)]++;
        }
        return out;
    }
}
