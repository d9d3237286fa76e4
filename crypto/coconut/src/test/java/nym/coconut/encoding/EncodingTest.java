package nym.coconut.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.Fixtures;
import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.Token;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.ElGamalPublicKey;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P2;

class EncodingTest {
    private static final RandomSource RNG = RandomSource.deterministic(13);
    private static final byte[] PROVIDER = {'p'};
    private static final int FUZZ_PER_TYPE = 3000;

    @FunctionalInterface
    interface Parser {
        Object parse(byte[] bytes) throws CoconutException;
    }

    @FunctionalInterface
    interface TextParser {
        Object parse(String text) throws CoconutException;
    }

    /** After a mutated encoding happens to parse, what must still reject it (null: nothing to check). */
    @FunctionalInterface
    interface Check {
        void accept(Object parsed) throws CoconutException;
    }

    record Codec(
            TypeTag tag,
            byte[] sample,
            String text,
            Parser parser,
            TextParser textParser,
            int countOffset,
            Check check) {}

    private static Parameters params;
    private static ThresholdKeys keys;
    private static Attributes token;
    private static ElGamalKeyPair elGamal;
    private static byte[] nonce;
    private static List<Codec> codecs;
    private static Signature sigma;
    private static Theta theta;
    private static BlindSignRequest request;

    @BeforeAll
    static void setUp() throws CoconutException {
        params = Setup.setup(8);
        keys = KeyGen.ttpKeyGen(params, 2, 3, RNG);
        token = Token.newToken(2, RNG);
        elGamal = ElGamalKeyPair.generate(params, RNG);
        request = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, RNG);
        BlindedSignature blinded = Issuance.blindSign(
                params, keys.issuer(1).secretKey(), elGamal.publicKey(), request, token.publicAttributes());
        PartialSignature partial = new PartialSignature(1, Issuance.unblind(blinded, elGamal));
        sigma = Fixtures.issueCredential(params, keys, token, RNG);
        nonce = Fixtures.nonce(RNG);
        theta = Showing.proveCredential(params, keys.verificationKey(), sigma, token, PROVIDER, nonce, RNG);
        SecretKey sk = keys.issuer(2).secretKey();
        VerificationKey vk = keys.verificationKey();
        VerificationKeyShare vkShare = keys.issuer(3).verificationKeyShare();
        ElGamalPublicKey gamma = elGamal.publicKey();
        codecs = List.of(
                new Codec(
                        TypeTag.PARAMETERS,
                        params.toBytes(),
                        params.toText(),
                        Parameters::fromBytes,
                        Parameters::fromText,
                        2,
                        null),
                new Codec(
                        TypeTag.SECRET_KEY,
                        sk.toBytes(),
                        sk.toText(),
                        SecretKey::fromBytes,
                        SecretKey::fromText,
                        2,
                        null),
                new Codec(
                        TypeTag.VERIFICATION_KEY,
                        vk.toBytes(),
                        vk.toText(),
                        VerificationKey::fromBytes,
                        VerificationKey::fromText,
                        2,
                        null),
                new Codec(
                        TypeTag.VERIFICATION_KEY_SHARE,
                        vkShare.toBytes(),
                        vkShare.toText(),
                        VerificationKeyShare::fromBytes,
                        VerificationKeyShare::fromText,
                        4,
                        null),
                new Codec(
                        TypeTag.ELGAMAL_PUBLIC_KEY,
                        gamma.toBytes(),
                        gamma.toText(),
                        ElGamalPublicKey::fromBytes,
                        ElGamalPublicKey::fromText,
                        -1,
                        null),
                new Codec(
                        TypeTag.BLIND_SIGN_REQUEST,
                        request.toBytes(),
                        request.toText(),
                        BlindSignRequest::fromBytes,
                        BlindSignRequest::fromText,
                        2,
                        o -> Issuance.blindSign(
                                params,
                                keys.issuer(1).secretKey(),
                                elGamal.publicKey(),
                                (BlindSignRequest) o,
                                token.publicAttributes())),
                new Codec(
                        TypeTag.BLINDED_SIGNATURE,
                        blinded.toBytes(),
                        blinded.toText(),
                        BlindedSignature::fromBytes,
                        BlindedSignature::fromText,
                        -1,
                        o -> SignatureVerification.verifyShare(
                                params,
                                keys.issuer(1).verificationKey(),
                                token,
                                Issuance.unblind((BlindedSignature) o, elGamal))),
                new Codec(
                        TypeTag.SIGNATURE,
                        sigma.toBytes(),
                        sigma.toText(),
                        Signature::fromBytes,
                        Signature::fromText,
                        -1,
                        o -> SignatureVerification.verifyShare(params, keys.verificationKey(), token, (Signature) o)),
                new Codec(
                        TypeTag.PARTIAL_SIGNATURE,
                        partial.toBytes(),
                        partial.toText(),
                        PartialSignature::fromBytes,
                        PartialSignature::fromText,
                        -1,
                        o -> verifyPartial((PartialSignature) o)),
                new Codec(
                        TypeTag.THETA,
                        theta.toBytes(),
                        theta.toText(),
                        Theta::fromBytes,
                        Theta::fromText,
                        2,
                        o -> Showing.verifyCredential(
                                params, keys.verificationKey(), (Theta) o, token.publicAttributes(), PROVIDER, nonce)));
    }

    private static void verifyPartial(PartialSignature share) throws CoconutException {
        if (share.index() > keys.size()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "no issuer " + share.index());
        }
        SignatureVerification.verifyShare(
                params, keys.issuer(share.index()).verificationKey(), token, share.signature());
    }

    private static byte[] reencode(Object o) {
        if (o instanceof Parameters p) {
            return p.toBytes();
        } else if (o instanceof SecretKey s) {
            return s.toBytes();
        } else if (o instanceof VerificationKey v) {
            return v.toBytes();
        } else if (o instanceof VerificationKeyShare v) {
            return v.toBytes();
        } else if (o instanceof ElGamalPublicKey e) {
            return e.toBytes();
        } else if (o instanceof BlindSignRequest b) {
            return b.toBytes();
        } else if (o instanceof BlindedSignature b) {
            return b.toBytes();
        } else if (o instanceof Signature s) {
            return s.toBytes();
        } else if (o instanceof PartialSignature p) {
            return p.toBytes();
        } else if (o instanceof Theta t) {
            return t.toBytes();
        }
        throw new AssertionError(o);
    }

    @Test
    void roundTrip_everyType_bytesAndTextAreStable() throws CoconutException {
        // The DKG's dealings and complaints have no text form and are checked by nym.coconut.dkg.DkgEncodingTest.
        assertEquals(TypeTag.values().length - 2, codecs.size());
        for (Codec c : codecs) {
            Object parsed = c.parser().parse(c.sample());
            assertArrayEquals(c.sample(), reencode(parsed), c.tag().name());
            Object fromText = c.textParser().parse(c.text());
            assertArrayEquals(c.sample(), reencode(fromText), c.tag().name());
            assertTrue(c.text().startsWith(c.tag().textName() + ".v1."), c.text());
        }
        Theta t = Theta.fromBytes(theta.toBytes());
        Showing.verifyCredential(params, keys.verificationKey(), t, token.publicAttributes(), PROVIDER, nonce);
        assertTrue(SecretKey.fromBytes(keys.issuer(2).secretKey().toBytes())
                .constantTimeEquals(keys.issuer(2).secretKey()));
    }

    @Test
    void sizes_derivedConstants_matchBlstAndEncodings() throws CoconutException {
        assertEquals(P1.generator().compress().length, Sizes.G1);
        assertEquals(P2.generator().compress().length, Sizes.G2);
        assertEquals(2 * Sizes.G1, Sizes.G2);
        assertEquals(32, Sizes.SCALAR);
        assertEquals(Sizes.SCALAR, Scalars.toBytes(Scalars.R.subtract(BigInteger.ONE)).length);
        assertEquals(255, Scalars.BITS);
        int q = params.maxAttributes();
        assertEquals(Sizes.parameters(), params.toBytes().length);
        assertEquals(Sizes.secretKey(q), keys.issuer(1).secretKey().toBytes().length);
        assertEquals(Sizes.verificationKey(q), keys.verificationKey().toBytes().length);
        assertEquals(
                Sizes.verificationKeyShare(q),
                keys.issuer(1).verificationKeyShare().toBytes().length);
        assertEquals(Sizes.elGamalPublicKey(), elGamal.publicKey().toBytes().length);
        assertEquals(Sizes.blindSignRequest(Token.PRIVATE_ATTRIBUTES), request.toBytes().length);
        assertEquals(Sizes.signature(), sigma.toBytes().length);
        assertEquals(Sizes.theta(Token.PRIVATE_ATTRIBUTES), theta.toBytes().length);
        for (Codec c : codecs) {
            if (c.tag() == TypeTag.BLINDED_SIGNATURE) {
                assertEquals(Sizes.blindedSignature(), c.sample().length);
            } else if (c.tag() == TypeTag.PARTIAL_SIGNATURE) {
                assertEquals(Sizes.partialSignature(), c.sample().length);
            }
        }
        // The longest text form fits the text limit.
        assertTrue(4 * Sizes.verificationKeyShare(Sizes.MAX_ATTRIBUTES) / 3 + 64 < TextForm.MAX_TEXT);
        assertTrue(4 * Sizes.blindSignRequest(Sizes.MAX_ATTRIBUTES) / 3 + 64 < TextForm.MAX_TEXT);
    }

    private static Kind kindOf(Parser p, byte[] bytes) {
        return assertThrows(CoconutException.class, () -> p.parse(bytes)).kind();
    }

    @Test
    void parse_headerAndLengthErrors_haveTheirKinds() {
        for (Codec c : codecs) {
            byte[] s = c.sample();
            byte[] v = s.clone();
            v[0] = 2;
            assertEquals(Kind.UNSUPPORTED_VERSION, kindOf(c.parser(), v));
            byte[] t = s.clone();
            t[1] = (byte) (c.tag().code() == 1 ? 2 : 1);
            assertEquals(Kind.WRONG_TYPE, kindOf(c.parser(), t));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(c.parser(), Arrays.copyOf(s, s.length - 1)));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(c.parser(), Arrays.copyOf(s, s.length + 1)));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(c.parser(), new byte[0]));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(c.parser(), null));
            if (c.countOffset() >= 0) {
                for (int bad : new int[] {0, Sizes.MAX_ATTRIBUTES + 1, 255}) {
                    byte[] b = s.clone();
                    b[c.countOffset()] = (byte) bad;
                    assertEquals(Kind.MALFORMED_ENCODING, kindOf(c.parser(), b), c.tag() + " count " + bad);
                }
            }
        }
        byte[] share = keys.issuer(1).verificationKeyShare().toBytes();
        share[2] = 0;
        share[3] = 0;
        assertEquals(Kind.MALFORMED_ENCODING, kindOf(VerificationKeyShare::fromBytes, share));
    }

    @Test
    void parse_nonCanonicalScalar_isNonCanonicalScalar() {
        byte[] sk = keys.issuer(1).secretKey().toBytes();
        byte[] r = Scalars.toBytes(Scalars.R.subtract(BigInteger.ONE));
        r[31]++; // r itself
        System.arraycopy(r, 0, sk, 3, 32);
        assertEquals(Kind.NON_CANONICAL_SCALAR, kindOf(SecretKey::fromBytes, sk));
        byte[] th = theta.toBytes();
        Arrays.fill(th, th.length - 32, th.length, (byte) 0xFF);
        assertEquals(Kind.NON_CANONICAL_SCALAR, kindOf(Theta::fromBytes, th));
        assertEquals(
                Kind.NON_CANONICAL_SCALAR,
                assertThrows(CoconutException.class, () -> SecretScalar.fromBytes(r))
                        .kind());
    }

    @Test
    void parse_badPoints_haveTheirKinds() {
        byte[] sig = sigma.toBytes();
        byte[] identity = sig.clone();
        identity[2] = (byte) 0xC0;
        Arrays.fill(identity, 3, 2 + Sizes.G1, (byte) 0);
        assertEquals(Kind.IDENTITY_POINT, kindOf(Signature::fromBytes, identity));
        byte[] badInfinity = identity.clone();
        badInfinity[10] = 1;
        assertEquals(Kind.INVALID_POINT_ENCODING, kindOf(Signature::fromBytes, badInfinity));
        byte[] uncompressed = sig.clone();
        uncompressed[2] &= 0x7F;
        assertEquals(Kind.INVALID_POINT_ENCODING, kindOf(Signature::fromBytes, uncompressed));
        byte[] xTooBig = sig.clone();
        xTooBig[2] = (byte) 0x9F;
        Arrays.fill(xTooBig, 3, 2 + Sizes.G1, (byte) 0xFF);
        assertEquals(Kind.INVALID_POINT_ENCODING, kindOf(Signature::fromBytes, xTooBig));

        // Walk the last byte of x through all values: some x are off the curve, some on it but outside G1.
        Set<Kind> g1Kinds = EnumSet.noneOf(Kind.class);
        Set<Kind> g2Kinds = EnumSet.noneOf(Kind.class);
        byte[] g1 = G1Element.GENERATOR.mul(BigInteger.valueOf(5)).toBytes();
        byte[] g2 = G2Element.GENERATOR.mul(BigInteger.valueOf(5)).toBytes();
        int parsed = 0;
        for (int v = 0; v < 256; v++) {
            byte[] a = g1.clone();
            a[a.length - 1] = (byte) v;
            try {
                G1Element.fromBytes(a, false);
                parsed++;
            } catch (CoconutException e) {
                g1Kinds.add(e.kind());
            }
            byte[] b = g2.clone();
            b[b.length - 1] = (byte) v;
            try {
                G2Element.fromBytes(b, false);
                parsed++;
            } catch (CoconutException e) {
                g2Kinds.add(e.kind());
            }
        }
        assertEquals(2, parsed, "only the two original encodings parse");
        assertTrue(g1Kinds.contains(Kind.POINT_NOT_ON_CURVE), g1Kinds.toString());
        assertTrue(g1Kinds.contains(Kind.POINT_NOT_IN_SUBGROUP), g1Kinds.toString());
        assertTrue(g2Kinds.contains(Kind.POINT_NOT_ON_CURVE), g2Kinds.toString());
        assertTrue(g2Kinds.contains(Kind.POINT_NOT_IN_SUBGROUP), g2Kinds.toString());
    }

    @Test
    void parseText_malformed_isMalformedEncoding() {
        String text = sigma.toText();
        List<String> bad = List.of(
                "",
                "coconut-signature.v1.",
                text + "=",
                text + "!",
                text.replace(".v1.", ".v2."),
                text.substring(0, text.length() - 1) + "_",
                "coconut-theta.v1." + text.substring(22),
                "x".repeat(9000),
                text.substring(0, text.length() - 2));
        for (String b : bad) {
            CoconutException e = assertThrows(CoconutException.class, () -> Signature.fromText(b), b);
            assertTrue(
                    e.kind() == Kind.MALFORMED_ENCODING
                            || e.kind() == Kind.INVALID_POINT_ENCODING
                            || e.kind() == Kind.POINT_NOT_ON_CURVE
                            || e.kind() == Kind.POINT_NOT_IN_SUBGROUP,
                    b + " " + e);
        }
        assertEquals(
                Kind.MALFORMED_ENCODING,
                assertThrows(CoconutException.class, () -> Signature.fromText(null))
                        .kind());
    }

    @Test
    void fuzz_randomAndMutatedInputs_rejectedCleanlyForEveryType() {
        Random random = new Random(20260101L);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.+/ ";
        int parsedMutations = 0;
        for (Codec c : codecs) {
            byte[] sample = c.sample();
            for (int i = 0; i < FUZZ_PER_TYPE; i++) {
                byte[] input;
                boolean mutation = false;
                switch (i % 4) {
                    case 0 -> {
                        input = new byte[random.nextInt(sample.length + 64)];
                        random.nextBytes(input);
                    }
                    case 1 -> {
                        input = new byte[sample.length];
                        random.nextBytes(input);
                        input[0] = 1;
                        input[1] = (byte) c.tag().code();
                        if (c.countOffset() >= 0) {
                            input[c.countOffset()] = sample[c.countOffset()];
                        }
                    }
                    default -> {
                        input = sample.clone();
                        int edits = 1 + random.nextInt(3);
                        for (int e = 0; e < edits; e++) {
                            int at = 2 + random.nextInt(input.length - 2);
                            if (random.nextBoolean()) {
                                input[at] ^= (byte) (1 << random.nextInt(8));
                            } else {
                                input[at] = (byte) random.nextInt(256);
                            }
                        }
                        mutation = !Arrays.equals(input, sample);
                    }
                }
                if (i % 4 == 3) {
                    String text;
                    if (random.nextBoolean()) {
                        StringBuilder sb = new StringBuilder(TextForm.prefix(c.tag()));
                        int len = random.nextInt(2 * c.text().length());
                        for (int k = 0; k < len; k++) {
                            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                        text = sb.toString();
                    } else {
                        text = TextForm.encode(c.tag(), input);
                    }
                    try {
                        Object o = c.textParser().parse(text);
                        if (mutation && c.check() != null) {
                            assertStillRejected(c, o, input);
                            parsedMutations++;
                        }
                    } catch (CoconutException expected) {
                        // clean rejection
                    } catch (RuntimeException | Error e) {
                        fail(c.tag() + " text " + text + " threw " + e, e);
                    }
                    continue;
                }
                try {
                    Object o = c.parser().parse(input);
                    if (mutation && c.check() != null) {
                        assertStillRejected(c, o, input);
                        parsedMutations++;
                    }
                } catch (CoconutException expected) {
                    // clean rejection
                } catch (RuntimeException | Error e) {
                    fail(c.tag() + " input " + HexFormat.of().formatHex(input) + " threw " + e, e);
                }
            }
        }
        assertTrue(parsedMutations > 100, "mutations that parsed and were then rejected: " + parsedMutations);
    }

    private static void assertStillRejected(Codec c, Object parsed, byte[] input) {
        try {
            c.check().accept(parsed);
            fail(c.tag() + ": mutated input accepted: " + HexFormat.of().formatHex(input));
        } catch (CoconutException expected) {
            // rejected by verification
        } catch (RuntimeException e) {
            fail(c.tag() + ": verification threw " + e, e);
        }
    }

    @Test
    void setup_outOfRangeQ_isInvalidArgument() {
        for (int q : new int[] {0, -1, Sizes.MAX_ATTRIBUTES + 1}) {
            assertEquals(
                    Kind.INVALID_ARGUMENT,
                    assertThrows(CoconutException.class, () -> Setup.setup(q)).kind());
        }
    }
}
