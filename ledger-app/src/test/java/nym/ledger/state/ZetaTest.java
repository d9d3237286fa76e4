package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import org.junit.jupiter.api.Test;

class ZetaTest {

    @Test
    void generator_encodesToTheStandardCompressedG1Generator() {
        assertEquals(
                "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
                HexFormat.of().formatHex(Zeta.multipleOfGenerator(BigInteger.ONE)));
        Zeta.requireCanonical(Zeta.multipleOfGenerator(BigInteger.ONE));
    }

    @Test
    void negatedPoint_hasTheOtherSignFlagAndIsAlsoCanonical() {
        byte[] g = Zeta.multipleOfGenerator(BigInteger.ONE);
        byte[] minusG = Zeta.multipleOfGenerator(G1.R.subtract(BigInteger.ONE));
        assertEquals(g[0] ^ 0x20, minusG[0]);
        Zeta.requireCanonical(minusG);
    }

    @Test
    void curvePointOutsideSubgroup_refused() {
        byte[] off = Zeta.curvePointAtOrAfter(BigInteger.valueOf(1000));
        LedgerException e = assertThrows(LedgerException.class, () -> Zeta.requireCanonical(off));
        assertEquals(Kind.NOT_CANONICAL, e.kind());
        assertEquals("ζ is not in the G1 subgroup", e.getMessage());
    }

    @Test
    void scalarMultiplication_isConsistent() {
        // (a + b)·G computed two ways: one encoding per point
        byte[] direct = Zeta.multipleOfGenerator(BigInteger.valueOf(12345));
        G1.Jac p = G1.mul(G1.GX, G1.GY, BigInteger.valueOf(12000));
        BigInteger[] q = G1.affine(G1.mul(G1.GX, G1.GY, BigInteger.valueOf(345)));
        BigInteger[] sum = G1.affine(G1.addAffine(p, q[0], q[1]));
        assertEquals(HexFormat.of().formatHex(direct), HexFormat.of().formatHex(G1.compress(sum[0], sum[1])));
    }
}
