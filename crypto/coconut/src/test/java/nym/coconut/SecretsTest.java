package nym.coconut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.encoding.Sizes;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.keygen.IssuerKey;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.KeyPair;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.math.Polynomial;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final RandomSource RNG = RandomSource.deterministic(17);

    private static void assertHidden(Object holder, BigInteger secret) {
        String s = holder.toString();
        assertFalse(s.contains(secret.toString()), s);
        assertFalse(s.contains(secret.toString(16)), s);
        assertFalse(s.toLowerCase().contains(HexFormat.of().formatHex(nym.coconut.math.Scalars.toBytes(secret))), s);
    }

    @Test
    void toString_secretHolders_neverShowSecrets() throws CoconutException {
        Parameters params = Setup.setup(3);
        KeyPair pair = KeyGen.keygen(params, RNG);
        SecretKey sk = pair.secretKey();
        for (Object holder : List.of(sk, pair)) {
            assertHidden(holder, sk.x());
            for (int j = 0; j < sk.size(); j++) {
                assertHidden(holder, sk.y(j));
            }
        }
        ThresholdKeys keys = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        IssuerKey issuer = keys.issuer(1);
        assertHidden(issuer, issuer.secretKey().x());
        assertHidden(keys, issuer.secretKey().x());
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, RNG);
        assertHidden(elGamal, elGamal.secretKey().value());
        assertHidden(elGamal.secretKey(), elGamal.secretKey().value());
        Attributes token = Token.newToken(5, RNG);
        for (SecretScalar s : token.privateAttributes()) {
            assertHidden(token, s.value());
            assertHidden(s, s.value());
        }
        assertTrue(token.toString().contains("5"));
    }

    @Test
    void toString_dkgSecretHolders_neverShowSecrets() throws CoconutException {
        DkgKeyPair dkg = DkgKeyPair.generate(RNG);
        assertHidden(dkg, new BigInteger(dkg.secretText(), 16));
        Polynomial f = Polynomial.random(2, RNG);
        assertHidden(f, f.coefficient(0));
        assertHidden(f, f.coefficient(1));
    }

    @Test
    void secretKeyOf_outOfRange_refusedWithKind() throws CoconutException {
        List<BigInteger> ys = List.of(BigInteger.ONE, BigInteger.TWO);
        SecretKey sk = SecretKey.of(BigInteger.TEN, ys);
        assertEquals(BigInteger.TEN, sk.x());
        assertEquals(ys, List.of(sk.y(0), sk.y(1)));
        assertEquals(
                CoconutException.Kind.NON_CANONICAL_SCALAR,
                assertThrows(CoconutException.class, () -> SecretKey.of(Scalars.R, ys))
                        .kind());
        assertEquals(
                CoconutException.Kind.NON_CANONICAL_SCALAR,
                assertThrows(
                                CoconutException.class,
                                () -> SecretKey.of(BigInteger.ONE, List.of(BigInteger.ONE.negate())))
                        .kind());
        assertEquals(
                CoconutException.Kind.INVALID_ARGUMENT,
                assertThrows(CoconutException.class, () -> SecretKey.of(BigInteger.ONE, List.of()))
                        .kind());
        assertEquals(
                CoconutException.Kind.INVALID_ARGUMENT,
                assertThrows(
                                CoconutException.class,
                                () -> SecretKey.of(
                                        BigInteger.ONE, Collections.nCopies(Sizes.MAX_ATTRIBUTES + 1, BigInteger.ONE)))
                        .kind());
    }

    @Test
    void constantTimeEquals_secrets_comparesValues() throws CoconutException {
        SecretScalar a = SecretScalar.of(BigInteger.valueOf(42));
        SecretScalar b = SecretScalar.fromBytes(a.toBytes());
        assertTrue(a.constantTimeEquals(b));
        assertEquals(a, b);
        assertNotEquals(a, SecretScalar.of(BigInteger.valueOf(43)));
        assertFalse(a.constantTimeEquals(null));
        Parameters params = Setup.setup(2);
        SecretKey k1 = KeyGen.keygen(params, RandomSource.deterministic(1)).secretKey();
        SecretKey k1again = KeyGen.keygen(params, RandomSource.deterministic(1)).secretKey();
        SecretKey k2 = KeyGen.keygen(params, RandomSource.deterministic(2)).secretKey();
        assertTrue(k1.constantTimeEquals(k1again));
        assertFalse(k1.constantTimeEquals(k2));
    }

    @Test
    void randomSource_deterministicSeed_isReproducibleAndSecureIsNot() {
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        RandomSource.deterministic(9).nextBytes(a);
        RandomSource.deterministic(9).nextBytes(b);
        assertEquals(HexFormat.of().formatHex(a), HexFormat.of().formatHex(b));
        RandomSource.secure().nextBytes(a);
        RandomSource.secure().nextBytes(b);
        assertNotEquals(HexFormat.of().formatHex(a), HexFormat.of().formatHex(b));
    }
}
