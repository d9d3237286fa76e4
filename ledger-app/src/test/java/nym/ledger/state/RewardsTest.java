package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardsTest {

    private static Rewards.Share share(int key, long weight) {
        return new Rewards.Share(new byte[] {(byte) key}, BigInteger.valueOf(weight));
    }

    @Test
    void floorsThenLargestRemainders_sumExactlyTheTotal() {
        // 10 × 1/3 each: 3, 3, 3 and one NYM left, to the smallest key among equal remainders
        assertArrayEquals(
                new long[] {3, 4, 3}, Rewards.split(10, List.of(share(0x20, 1), share(0x10, 1), share(0x30, 1))));
        // 100 × 1/6, 2/6, 3/6 = 16.67, 33.33, 50: the .67 gets the odd NYM
        assertArrayEquals(new long[] {17, 33, 50}, Rewards.split(100, List.of(share(1, 1), share(2, 2), share(3, 3))));
    }

    @Test
    void tiesByUnsignedKeyBytes_andNothingWithoutWeight() {
        // 0x80 is 128 unsigned, after 0x7f
        assertArrayEquals(new long[] {0, 1}, Rewards.split(1, List.of(share(0x80, 5), share(0x7f, 5))));
        assertArrayEquals(new long[] {0, 0}, Rewards.split(1000, List.of(share(1, 0), share(2, 0))));
    }

    @Test
    void hugeWeightsStayExact() {
        long big = Long.MAX_VALUE;
        long[] out = Rewards.split(big, List.of(share(1, big), share(2, big)));
        assertArrayEquals(new long[] {big / 2 + 1, big / 2}, out);
    }
}
