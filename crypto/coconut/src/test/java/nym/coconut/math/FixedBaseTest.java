package nym.coconut.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.RandomSource;
import org.junit.jupiter.api.Test;

class FixedBaseTest {

    private static List<BigInteger> scalars() {
        RandomSource rng = RandomSource.deterministic(21);
        List<BigInteger> ks = new ArrayList<>(List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                BigInteger.valueOf(255),
                BigInteger.valueOf(256),
                Scalars.R.subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(254),
                BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE)));
        for (int i = 0; i < 40; i++) {
            ks.add(Scalars.random(rng));
        }
        return ks;
    }

    @Test
    void g1TableMul_anyScalar_equalsScalarMultiplication() {
        G1Element base = G1Element.GENERATOR.mul(BigInteger.valueOf(987654321));
        FixedBase.G1Table table = new FixedBase.G1Table(base);
        for (BigInteger k : scalars()) {
            assertEquals(base.mul(k), table.mul(k), k.toString(16));
        }
    }

    @Test
    void g2TableMul_anyScalar_equalsScalarMultiplication() {
        G2Element base = G2Element.GENERATOR.mul(BigInteger.valueOf(123456789));
        FixedBase.G2Table table = new FixedBase.G2Table(base);
        for (BigInteger k : scalars()) {
            assertEquals(base.mul(k), table.mul(k), k.toString(16));
        }
    }
}
