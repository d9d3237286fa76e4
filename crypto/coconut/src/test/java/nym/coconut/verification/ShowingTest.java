package nym.coconut.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.Fixtures;
import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.Token;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShowingTest {
    private static final RandomSource RNG = RandomSource.deterministic(11);
    private static final byte[] PROVIDER = "provider-7".getBytes(StandardCharsets.UTF_8);
    private static Parameters params;
    private static ThresholdKeys keys;
    private static Attributes token;
    private static Signature sigma;
    private static byte[] nonce;
    private static Theta theta;
    private static PreparedVerificationKey prepared;

    @BeforeAll
    static void setUp() throws CoconutException {
        params = Setup.setup(8);
        keys = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        token = Token.newToken(10, RNG);
        sigma = Fixtures.issueCredential(params, keys, token, RNG);
        nonce = Fixtures.nonce(RNG);
        theta = Showing.proveCredential(params, keys.verificationKey(), sigma, token, PROVIDER, nonce, RNG);
        prepared = PreparedVerificationKey.prepare(params, keys.verificationKey(), Token.PRIVATE_ATTRIBUTES);
    }

    /** Verifies with the plain and the prepared key; both must reject, with the same kind. */
    private static Kind rejection(Theta t, List<BigInteger> pub, byte[] provider, byte[] n) {
        Kind plain = assertThrows(
                        CoconutException.class,
                        () -> Showing.verifyCredential(params, keys.verificationKey(), t, pub, provider, n))
                .kind();
        Kind withTables = assertThrows(
                        CoconutException.class, () -> Showing.verifyCredential(params, prepared, t, pub, provider, n))
                .kind();
        assertEquals(plain, withTables);
        return plain;
    }

    private static Kind rejection(Theta t) throws CoconutException {
        return rejection(t, Token.publicAttributes(10), PROVIDER, nonce);
    }

    private static final G1Element G1_DELTA = G1Element.GENERATOR.mul(BigInteger.valueOf(99));
    private static final G2Element G2_DELTA = G2Element.GENERATOR.mul(BigInteger.valueOf(99));

    @Test
    void verifyCredential_honestTheta_verifies() throws CoconutException {
        Showing.verifyCredential(params, keys.verificationKey(), theta, Token.publicAttributes(10), PROVIDER, nonce);
        Showing.verifyCredential(params, prepared, theta, Token.publicAttributes(10), PROVIDER, nonce);
        assertEquals(params.g1().mul(token.privateAttributes().get(0).value()), theta.zeta());
    }

    @Test
    void proveCredential_twice_isUnlinkableButSameZeta() throws CoconutException {
        Theta again = Showing.proveCredential(params, keys.verificationKey(), sigma, token, PROVIDER, nonce, RNG);
        assertNotEquals(theta.hPrime(), again.hPrime());
        assertNotEquals(theta.kappa(), again.kappa());
        assertEquals(theta.zeta(), again.zeta());
        Showing.verifyCredential(params, keys.verificationKey(), again, Token.publicAttributes(10), PROVIDER, nonce);
    }

    @Test
    void verifyCredential_tamperedKappa_isRejected() throws CoconutException {
        Theta t = new Theta(
                theta.hPrime(), theta.sPrime(), theta.kappa().add(G2_DELTA), theta.nu(), theta.zeta(), theta.proof());
        assertEquals(Kind.INVALID_PROOF, rejection(t));
    }

    @Test
    void verifyCredential_tamperedNu_isRejected() throws CoconutException {
        Theta t = new Theta(
                theta.hPrime(), theta.sPrime(), theta.kappa(), theta.nu().add(G1_DELTA), theta.zeta(), theta.proof());
        assertEquals(Kind.INVALID_PROOF, rejection(t));
    }

    @Test
    void verifyCredential_tamperedZeta_isRejected() throws CoconutException {
        Theta t = new Theta(
                theta.hPrime(),
                theta.sPrime(),
                theta.kappa(),
                theta.nu(),
                theta.zeta().add(G1_DELTA),
                theta.proof());
        assertEquals(Kind.INVALID_PROOF, rejection(t));
        // ζ of another serial, as a double-spender would like to show.
        Theta other = new Theta(
                theta.hPrime(),
                theta.sPrime(),
                theta.kappa(),
                theta.nu(),
                params.g1().mul(BigInteger.valueOf(123456789)),
                theta.proof());
        assertEquals(Kind.INVALID_PROOF, rejection(other));
    }

    @Test
    void verifyCredential_tamperedSignature_isRejected() throws CoconutException {
        Theta s = new Theta(
                theta.hPrime(), theta.sPrime().add(G1_DELTA), theta.kappa(), theta.nu(), theta.zeta(), theta.proof());
        assertEquals(Kind.INVALID_PROOF, rejection(s));
        Theta h = new Theta(
                theta.hPrime().add(G1_DELTA), theta.sPrime(), theta.kappa(), theta.nu(), theta.zeta(), theta.proof());
        assertEquals(Kind.INVALID_PROOF, rejection(h));
    }

    @Test
    void verifyCredential_tamperedProof_isRejected() throws CoconutException {
        ShowProof p = theta.proof();
        BigInteger one = BigInteger.ONE;
        List<ShowProof> bad = new ArrayList<>();
        bad.add(new ShowProof(Scalars.add(p.challenge(), one), p.responseR(), p.responsesM()));
        bad.add(new ShowProof(p.challenge(), Scalars.add(p.responseR(), one), p.responsesM()));
        for (int j = 0; j < p.responsesM().size(); j++) {
            List<BigInteger> rm = new ArrayList<>(p.responsesM());
            rm.set(j, Scalars.add(rm.get(j), one));
            bad.add(new ShowProof(p.challenge(), p.responseR(), rm));
        }
        for (ShowProof b : bad) {
            Theta t = new Theta(theta.hPrime(), theta.sPrime(), theta.kappa(), theta.nu(), theta.zeta(), b);
            assertEquals(Kind.INVALID_PROOF, rejection(t));
        }
    }

    @Test
    void verifyCredential_wrongPublicAttribute_isRejected() throws CoconutException {
        for (int v : Token.VALUES) {
            if (v != 10) {
                assertEquals(Kind.INVALID_PROOF, rejection(theta, Token.publicAttributes(v), PROVIDER, nonce));
            }
        }
    }

    @Test
    void verifyCredential_wrongBindingOrNonce_isRejected() throws CoconutException {
        assertEquals(
                Kind.INVALID_PROOF,
                rejection(theta, Token.publicAttributes(10), "provider-8".getBytes(StandardCharsets.UTF_8), nonce));
        byte[] n2 = Arrays.copyOf(nonce, nonce.length);
        n2[n2.length - 1] ^= 1;
        assertEquals(Kind.INVALID_PROOF, rejection(theta, Token.publicAttributes(10), PROVIDER, n2));
        assertEquals(Kind.INVALID_ARGUMENT, rejection(theta, Token.publicAttributes(10), PROVIDER, new byte[8]));
        assertEquals(Kind.INVALID_ARGUMENT, rejection(theta, Token.publicAttributes(10), new byte[0], nonce));
    }

    @Test
    void verifyCredential_otherKeySet_isRejected() throws CoconutException {
        ThresholdKeys other = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        CoconutException e = assertThrows(
                CoconutException.class,
                () -> Showing.verifyCredential(
                        params, other.verificationKey(), theta, Token.publicAttributes(10), PROVIDER, nonce));
        assertEquals(Kind.INVALID_PROOF, e.kind());
    }

    @Test
    void verifyCredential_forgedCredentialWithHonestProof_failsPairing() throws CoconutException {
        // A holder with a signature from the wrong keys can still build a valid π_v; the pairing must catch it.
        ThresholdKeys other = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        Signature foreign = Fixtures.issueCredential(params, other, token, RNG);
        Theta t = Showing.proveCredential(params, keys.verificationKey(), foreign, token, PROVIDER, nonce, RNG);
        assertEquals(Kind.INVALID_SIGNATURE, rejection(t));
        // A showing from an aggregate of fewer than t shares likewise.
        List<PartialSignature> one = Fixtures.issueShares(params, keys, List.of(2), token, RNG);
        Theta partial = Showing.proveCredential(
                params, keys.verificationKey(), one.get(0).signature(), token, PROVIDER, nonce, RNG);
        assertEquals(Kind.INVALID_SIGNATURE, rejection(partial));
    }

    @Test
    void verifyCredential_qEight_verifiesAndRejectsWrongPublicAttribute() throws CoconutException {
        List<SecretScalar> priv = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            priv.add(SecretScalar.random(RNG));
        }
        List<BigInteger> pub = List.of(BigInteger.valueOf(3), BigInteger.valueOf(1), BigInteger.valueOf(4));
        Attributes eight = Attributes.of(priv, pub);
        Signature s = Fixtures.issueCredential(params, keys, eight, RNG);
        Theta t = Showing.proveCredential(params, keys.verificationKey(), s, eight, PROVIDER, nonce, RNG);
        Showing.verifyCredential(params, keys.verificationKey(), t, pub, PROVIDER, nonce);
        // Tables for 2 of the 5 private attributes: the rest fall back to plain multiplication.
        Showing.verifyCredential(params, prepared, t, pub, PROVIDER, nonce);
        assertEquals(
                Kind.INVALID_PROOF,
                rejection(
                        t,
                        List.of(BigInteger.valueOf(3), BigInteger.valueOf(1), BigInteger.valueOf(5)),
                        PROVIDER,
                        nonce));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                rejection(t, List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE), PROVIDER, nonce));
    }

    @Test
    void randomize_signature_staysValidAndChanges() throws CoconutException {
        Signature r = Showing.randomize(sigma, RNG);
        assertNotEquals(sigma.h(), r.h());
        SignatureVerification.verifyShare(params, keys.verificationKey(), token, r);
    }

    @Test
    void batchVerifyShares_allGood_passesAndOneBad_fails() throws CoconutException {
        List<PartialSignature> shares = Fixtures.issueShares(params, keys, List.of(1, 2, 3), token, RNG);
        List<VerificationKeyShare> vks = List.of(
                keys.issuer(1).verificationKeyShare(),
                keys.issuer(2).verificationKeyShare(),
                keys.issuer(3).verificationKeyShare());
        SignatureVerification.batchVerifyShares(params, vks, token, shares, RNG);
        List<PartialSignature> bad = new ArrayList<>(shares);
        Signature s2 = bad.get(1).signature();
        bad.set(1, new PartialSignature(2, new Signature(s2.h(), s2.s().add(G1_DELTA))));
        assertEquals(
                Kind.INVALID_SIGNATURE,
                assertThrows(
                                CoconutException.class,
                                () -> SignatureVerification.batchVerifyShares(params, vks, token, bad, RNG))
                        .kind());
        List<PartialSignature> swapped = List.of(
                new PartialSignature(1, shares.get(1).signature()),
                new PartialSignature(2, shares.get(0).signature()));
        assertEquals(
                Kind.INVALID_SIGNATURE,
                assertThrows(
                                CoconutException.class,
                                () -> SignatureVerification.batchVerifyShares(params, vks, token, swapped, RNG))
                        .kind());
    }

    @Test
    void proveCredential_fixedRandomness_isReproducible() throws CoconutException {
        Theta a = Showing.proveCredential(
                params, keys.verificationKey(), sigma, token, PROVIDER, nonce, RandomSource.deterministic(5));
        Theta b = Showing.proveCredential(
                params, keys.verificationKey(), sigma, token, PROVIDER, nonce, RandomSource.deterministic(5));
        assertArrayEquals(a.toBytes(), b.toBytes());
        assertFalse(Arrays.equals(a.toBytes(), theta.toBytes()));
    }
}
