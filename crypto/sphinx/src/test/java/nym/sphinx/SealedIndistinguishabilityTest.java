package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A final hop's two cheap tests on the first 32 bytes of a stored body, run over 2,000 sealed payloads, 2,000 random
 * bodies (what a SURB reply looks like) and, as a contrast, 2,000 bodies in the format-1 encoding (a plain e_pub):
 * the fraction a test picks out must be the same for sealed and random bodies, within five standard deviations of
 * the binomial, and is not for the contrast, which shows the test would catch the old encoding.
 */
class SealedIndistinguishabilityTest {

    private static final int SAMPLES = 2000;
    private static final SphinxParams PARAMS = new SphinxParams(64); // the first 32 bytes are the same at any size

    private static final SecureRandom RANDOM = TestNetwork.seeded(801);
    private static List<byte[]> sealed;
    private static List<byte[]> random;

    /** The first 32 bytes of sealed payloads and of random bodies, shared by both tests (sealing is the slow part). */
    @BeforeAll
    static void sample() throws SphinxException {
        EncryptionKeyPair recipient = EncryptionKeyPair.generate(RANDOM);
        sealed = new ArrayList<>();
        random = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            sealed.add(Arrays.copyOf(SealedPayload.seal(PARAMS, recipient.publicKey(), new byte[] {1}, RANDOM), 32));
            byte[] body = new byte[32];
            RANDOM.nextBytes(body);
            random.add(body);
        }
    }

    @Test
    void firstBytes_onTheCurve_halfOfSealedAsOfRandomBodies() {
        Predicate<byte[]> onCurve = SealedIndistinguishabilityTest::isCurvePoint;
        assertWithinBinomial(0.5, fraction(sealed, onCurve), "sealed");
        assertWithinBinomial(0.5, fraction(random, onCurve), "random");
        double plain = fraction(samples(SealedIndistinguishabilityTest::plainEphemeralKey), onCurve);
        assertEquals(1.0, plain, "a plain X25519 public key is always on the curve");
        assertFalse(withinBinomial(0.5, plain), "so the test tells the old encoding apart");
    }

    @Test
    void decodedPoint_inPrimeOrderSubgroup_anEighthOfSealedAsOfRandomBodies() {
        Predicate<byte[]> inSubgroup = body -> Elligator2Test.lowOrderPartOrder(Elligator2.decode(body, 0)) == 1;
        assertWithinBinomial(0.125, fraction(sealed, inSubgroup), "sealed");
        assertWithinBinomial(0.125, fraction(random, inSubgroup), "random");
        double clean = fraction(samples(SealedIndistinguishabilityTest::representativeOfCleanKey), inSubgroup);
        assertEquals(1.0, clean, "a clean key's representative decodes to the prime-order subgroup");
        assertFalse(withinBinomial(0.125, clean), "so the test tells clean keys apart: they must be dirty");
    }

    /** The first 32 bytes as format 1 sent them: clamp(e)·B, top bit random. */
    private static byte[] plainEphemeralKey() {
        byte[] e = new byte[32];
        byte[] out = new byte[32];
        RANDOM.nextBytes(e);
        X25519.scalarMultBase(e, 0, out, 0);
        out[31] |= (byte) (RANDOM.nextBoolean() ? 0x80 : 0);
        return out;
    }

    /** A representative of clamp(e)·B without the low-order part, redrawn until one exists. */
    private static byte[] representativeOfCleanKey() {
        byte[] e = new byte[32];
        byte[] u = new byte[32];
        byte[] out = new byte[32];
        do {
            RANDOM.nextBytes(e);
            X25519.scalarMultBase(e, 0, u, 0);
        } while (!Elligator2.encode(u, RANDOM, out));
        return out;
    }

    /** X25519's reading of the first 32 bytes (top bit ignored, reduced mod p) is a point's u, not the twist's. */
    private static boolean isCurvePoint(byte[] body) {
        byte[] u = Arrays.copyOf(body, 32);
        u[31] &= 0x7f;
        return Elligator2.isSquare(
                Elligator2.curve(Elligator2.fromLittleEndian(u, 0).mod(Elligator2.P)));
    }

    private static List<byte[]> samples(Supplier<byte[]> source) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            out.add(source.get());
        }
        return out;
    }

    private static double fraction(List<byte[]> samples, Predicate<byte[]> test) {
        return (double) samples.stream().filter(test).count() / samples.size();
    }

    private static boolean withinBinomial(double p, double observed) {
        double sigma = Math.sqrt(p * (1 - p) / SAMPLES);
        return Math.abs(observed - p) <= 5 * sigma;
    }

    private static void assertWithinBinomial(double p, double observed, String what) {
        assertTrue(withinBinomial(p, observed), what + ": " + observed + " is not within 5σ of " + p);
    }
}
