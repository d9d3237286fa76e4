package nym.ethereum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class DepositIdTest {

    private static final long CHAIN = 31337;
    private static final byte[] TOKEN = filled(0x22, 20);
    private static final byte[] TX = filled(0x11, 32);

    @Test
    void of_knownInput_matchesKeccakOfAbiEncoding() {
        // keccak256(uint256(31337) ‖ uint256(0x22 * 20) ‖ 0x11 * 32 ‖ uint256(3)), computed independently (js-sha3)
        assertArrayEquals(
                Numeric.hexStringToByteArray("0x40df5309486eb450a8b256b825d18c00271a21a870634f801f5c3bc02b8ba21a"),
                DepositId.of(CHAIN, TOKEN, TX, BigInteger.valueOf(3)));
    }

    @Test
    void of_twoLogsOfOneTransaction_differ() {
        assertFalse(Arrays.equals(
                DepositId.of(CHAIN, TOKEN, TX, BigInteger.ZERO), DepositId.of(CHAIN, TOKEN, TX, BigInteger.ONE)));
    }

    @Test
    void of_sameLogOnAnotherChainOrOfAnotherToken_differ() {
        byte[] id = DepositId.of(CHAIN, TOKEN, TX, BigInteger.ONE);
        assertFalse(Arrays.equals(id, DepositId.of(1, TOKEN, TX, BigInteger.ONE)));
        assertFalse(Arrays.equals(id, DepositId.of(CHAIN, filled(0x23, 20), TX, BigInteger.ONE)));
    }

    @Test
    void of_hexAndBytes_agree() {
        assertArrayEquals(
                DepositId.of(CHAIN, TOKEN, TX, BigInteger.TWO),
                DepositId.of(CHAIN, Numeric.toHexString(TOKEN), Numeric.toHexString(TX), BigInteger.TWO));
    }

    @Test
    void of_badInput_refused() {
        assertThrows(IllegalArgumentException.class, () -> DepositId.of(CHAIN, TOKEN, new byte[31], BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> DepositId.of(CHAIN, new byte[32], TX, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> DepositId.of(0, TOKEN, TX, BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> DepositId.of(CHAIN, TOKEN, TX, BigInteger.valueOf(-1)));
    }

    private static byte[] filled(int b, int length) {
        byte[] a = new byte[length];
        Arrays.fill(a, (byte) b);
        return a;
    }
}
