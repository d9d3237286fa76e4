package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    @Test
    void sharedSecretsFast_randomRoutesOfFiveHops_equalTextbookSequentialSecrets() {
        SecureRandom random = TestNetwork.seeded(80);
        HopCrypto crypto = new HopCrypto();
        for (int trial = 0; trial < 20; trial++) {
            List<NodePublicKey> nodes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                nodes.add(NodeKeyPair.generate(random).publicKey());
            }
            byte[] x = new byte[32];
            random.nextBytes(x);
            byte[][] fast = PacketBuilder.sharedSecretsFast(x, nodes, crypto);
            byte[][] slow = PacketBuilder.sharedSecretsSequential(x, nodes, crypto);
            assertNotNull(fast);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(slow[i], fast[i], "trial " + trial + " hop " + i);
            }
        }
    }

    @Test
    void encodeClampable_randomScalars_clampLeavesThemUnchangedAndValueMatches() {
        SecureRandom random = TestNetwork.seeded(81);
        byte[] k = new byte[32];
        byte[] viaK = new byte[32];
        byte[] viaC = new byte[32];
        for (int trial = 0; trial < 200; trial++) {
            byte[] x = new byte[32];
            random.nextBytes(x);
            BigInteger c = Scalars.clamped(x, 0);
            assertTrue(Scalars.encodeClampable(c, k));
            assertEquals(0, k[0] & 7);
            assertEquals(0x40, k[31] & 0xc0);
            BigInteger kModL = Scalars.clamped(k, 0);
            assertTrue(kModL.equals(c) || kModL.equals(Scalars.ORDER.subtract(c)), "k ≡ ±c (mod ℓ)");
            X25519.scalarMultBase(k, 0, viaK, 0);
            X25519.scalarMultBase(x, 0, viaC, 0);
            assertArrayEquals(viaC, viaK);
        }
    }

    @Test
    void encodeClampable_scalarWithoutClampStableForm_returnsFalse() {
        // c = 8: m = 1 is below 2^251 and ℓ - 1 is above 2^252
        assertFalse(Scalars.encodeClampable(BigInteger.valueOf(8), new byte[32]));
    }
}
