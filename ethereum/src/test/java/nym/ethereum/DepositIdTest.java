package nym.ethereum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class DepositIdTest {

    private static final byte[] TX = filled(0x11);

    @Test
    void of_knownInput_matchesKeccakOfAbiEncoding() {
        // keccak256(0x11 * 32 ‖ uint256(3)), computed independently with js-sha3 (npm)
        assertArrayEquals(
                Numeric.hexStringToByteArray("0x3b31255a9f930bb80359c3ba2fef22133cd773f2653bd87c6035861658aa0882"),
                DepositId.of(TX, BigInteger.valueOf(3)));
    }

    @Test
    void of_twoLogsOfOneTransaction_differ() {
        assertFalse(Arrays.equals(DepositId.of(TX, BigInteger.ZERO), DepositId.of(TX, BigInteger.ONE)));
    }

    @Test
    void of_hexAndBytes_agree() {
        assertArrayEquals(DepositId.of(TX, BigInteger.TWO), DepositId.of(Numeric.toHexString(TX), BigInteger.TWO));
    }

    @Test
    void of_badInput_refused() {
        assertThrows(IllegalArgumentException.class, () -> DepositId.of(new byte[31], BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> DepositId.of(TX, BigInteger.valueOf(-1)));
    }

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) b);
        return a;
    }
}
