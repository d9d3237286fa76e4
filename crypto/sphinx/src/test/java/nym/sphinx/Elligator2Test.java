package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

class Elligator2Test {

    private static final BigInteger HALF_P = Elligator2.P.shiftRight(1);

    private final SecureRandom random = TestNetwork.seeded(800);

    /**
     * RFC 9380, Appendix J.4.2 (suite curve25519_XMD:SHA-512_ELL2_NU_): Q = map_to_curve(u[0]) is the Elligator 2 map
     * with Z = 2 (§6.7.1), so Q.x is our map of u[0]. Values as printed there (big-endian hex).
     */
    @Test
    void map_rfc9380Vectors_giveTheirQx() {
        String[][] vectors = {
            {
                "608d892b641f0328523802a6603427c26e55e6f27e71a91a478148d45b5093cd",
                "51125222da5e763d97f3c10fcc92ea6860b9ccbbd2eb1285728f566721c1e65b"
            },
            {
                "46f5b22494bfeaa7f232cc8d054be68561af50230234d7d1d63d1d9abeca8da5",
                "7d56d1e08cb0ccb92baf069c18c49bb5a0dcd927eff8dcf75ca921ef7f3e6eeb"
            },
            {
                "235fe40c443766ce7e18111c33862d66c3b33267efa50d50f9e8e5d252a40aaa",
                "3fbe66b9c9883d79e8407150e7c2a1c8680bee496c62fabe4619a72b3cabe90f"
            },
            {
                "001e92a544463bda9bd04ddbe3d6eed248f82de32f522669efc5ddce95f46f5b",
                "227e0bb89de700385d19ec40e857db6e6a3e634b1c32962f370d26f84ff19683"
            },
            {
                "1a68a1af9f663592291af987203393f707305c7bac9c8d63d6a729bdc553dc19",
                "3bcd651ee54d5f7b6013898aab251ee8ecc0688166fce6e9548d38472f6bd196"
            },
        };
        for (String[] v : vectors) {
            assertEquals(new BigInteger(v[1], 16), Elligator2.map(new BigInteger(v[0], 16)), v[0]);
        }
    }

    @Test
    void inverse_bothBranches_mapBackToU() {
        int representable = 0;
        int tried = 0;
        while (representable < 100) {
            BigInteger u = new BigInteger(255, random).mod(Elligator2.P);
            if (!Elligator2.isSquare(Elligator2.curve(u))) {
                continue; // on the twist: not a public key
            }
            tried++;
            BigInteger viaW = Elligator2.inverse(u, true);
            BigInteger viaOther = Elligator2.inverse(u, false);
            assertEquals(viaW == null, viaOther == null, "both branches or neither");
            if (viaW == null) {
                continue;
            }
            representable++;
            assertEquals(u, Elligator2.map(viaW));
            assertEquals(u, Elligator2.map(viaOther));
            assertNotEquals(viaW, viaOther);
            assertTrue(viaW.compareTo(HALF_P) <= 0 && viaOther.compareTo(HALF_P) <= 0, "the root in [0, (p-1)/2]");
        }
        assertTrue(tried > representable + 30, "about half of the curve points have none: " + tried);
    }

    @Test
    void inverse_pointWithoutRepresentative_null() {
        BigInteger u = BigInteger.TWO;
        while (!Elligator2.isSquare(Elligator2.curve(u))
                || Elligator2.isSquare(u.multiply(u.add(Elligator2.A))
                        .multiply(BigInteger.TWO)
                        .negate()
                        .mod(Elligator2.P))) {
            u = u.add(BigInteger.ONE);
        }
        assertNull(Elligator2.inverse(u, true));
        assertNull(Elligator2.inverse(u, false));
        assertNull(Elligator2.inverse(BigInteger.ZERO, false), "u = 0 is left out");
    }

    @Test
    void decode_representativeOfHiddenKey_givesItsDirtyPublicKey() {
        for (int i = 0; i < 50; i++) {
            HiddenEphemeralKey key = HiddenEphemeralKey.generate(random);
            assertArrayEquals(key.publicKey(), Elligator2.decode(key.representative(), 0));
        }
    }

    @Test
    void encode_sameKey_topBitsTakeEveryValueAndDecodeIgnoresThem() {
        byte[] u = HiddenEphemeralKey.generate(random).publicKey();
        Set<Integer> topBits = new HashSet<>();
        Set<BigInteger> representatives = new HashSet<>();
        byte[] out = new byte[32];
        for (int i = 0; i < 64; i++) {
            assertTrue(Elligator2.encode(u, random, out));
            topBits.add(out[31] & 0xc0);
            assertArrayEquals(u, Elligator2.decode(out, 0));
            out[31] &= 0x3f;
            representatives.add(Elligator2.fromLittleEndian(out, 0));
        }
        assertEquals(Set.of(0x00, 0x40, 0x80, 0xc0), topBits);
        assertEquals(2, representatives.size(), "both branches are used");
    }

    @Test
    void hiddenKey_lowOrderPart_takesEveryOrderAndLeavesTheSharedSecret() {
        EncryptionKeyPair recipient = EncryptionKeyPair.generate(random);
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < 80; i++) {
            HiddenEphemeralKey key = HiddenEphemeralKey.generate(random);
            byte[] senderSide = new byte[32];
            byte[] recipientSide = new byte[32];
            X25519.scalarMult(key.privateKey(), 0, recipient.publicKey(), 0, senderSide, 0);
            X25519.scalarMult(recipient.privateKeyBytes(), 0, key.publicKey(), 0, recipientSide, 0);
            assertArrayEquals(senderSide, recipientSide);
            orders.add(lowOrderPartOrder(key.publicKey()));
        }
        assertEquals(Set.of(1, 2, 4, 8), orders, "the low-order part is spread over the whole 8-torsion");
    }

    @Test
    void lowOrderGenerator_hasOrderEight() {
        ECPoint t = CurvePoints.LOW_ORDER_GENERATOR;
        assertFalse(t.timesPow2(2).isInfinity());
        assertTrue(t.timesPow2(3).isInfinity());
    }

    /** The order of ℓ·P (1 for a point in the prime-order subgroup, as every clean public key is). */
    static int lowOrderPartOrder(byte[] u) {
        ECPoint t = CurvePoints.lift(Elligator2.fromLittleEndian(u, 0)).multiply(CurvePoints.CURVE.getOrder());
        int order = 1;
        while (!t.isInfinity()) {
            t = t.twice();
            order *= 2;
        }
        return order;
    }
}
