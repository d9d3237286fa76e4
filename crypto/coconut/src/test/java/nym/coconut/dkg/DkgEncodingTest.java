package nym.coconut.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.dkg.Complaint.Verdict;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Setup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkgEncodingTest {
    private static final int FUZZ = 1000;
    private static final int COMMITMENTS_AT = Sizes.HEADER + 2 * Sizes.COUNT + Sizes.INDEX;

    private static DkgRun run;
    private static Dealing dealing;
    private static byte[] dealingBytes;
    private static Complaint complaint;

    @BeforeAll
    static void setUp() throws CoconutException {
        run = new DkgRun(2, 3, 21);
        dealing = run.deal(1);
        dealingBytes = dealing.toBytes();
        complaint = Complaint.against(dealing, 2, run.key(2), DkgRun.context(1), run.rng);
    }

    @FunctionalInterface
    interface Parser {
        Object parse(byte[] bytes) throws CoconutException;
    }

    private static Object parseDealing(byte[] bytes) throws CoconutException {
        return Dealing.fromBytes(bytes, run.params, run.threshold, run.size());
    }

    private static Kind kindOf(Parser parser, byte[] bytes) {
        return assertThrows(CoconutException.class, () -> parser.parse(bytes)).kind();
    }

    @Test
    void dealing_roundTrip_sameBytesAndStillOpens() throws CoconutException {
        int q = run.params.maxAttributes();
        assertEquals(Sizes.dkgDealing(q, run.threshold, run.size()), dealingBytes.length);
        assertEquals(1254, dealingBytes.length, "the token's shape: q = 3, t = 2, n = 3");
        assertEquals(1, dealingBytes[0]);
        assertEquals(TypeTag.DKG_DEALING.code(), dealingBytes[1]);
        Dealing parsed = Dealing.fromBytes(dealingBytes, run.params, run.threshold, run.size());
        assertArrayEquals(dealingBytes, parsed.toBytes());
        assertEquals(run.threshold, parsed.threshold());
        assertEquals(run.size(), parsed.recipients());
        for (int i = 1; i <= run.size(); i++) {
            assertEquals(
                    dealing.openShare(i, run.key(i), DkgRun.context(1)),
                    parsed.openShare(i, run.key(i), DkgRun.context(1)));
            assertEquals(dealing.committedShare(i), parsed.committedShare(i));
        }
    }

    @Test
    void complaint_roundTrip_sameBytes() throws CoconutException {
        byte[] bytes = complaint.toBytes();
        assertEquals(116, bytes.length);
        assertEquals(TypeTag.DKG_COMPLAINT.code(), bytes[1]);
        assertArrayEquals(bytes, Complaint.fromBytes(bytes).toBytes());
    }

    @Test
    void parse_headerAndLengthErrors_haveTheirKinds() {
        for (var c : List.<Object[]>of(
                new Object[] {(Parser) DkgEncodingTest::parseDealing, dealingBytes},
                new Object[] {(Parser) Complaint::fromBytes, complaint.toBytes()})) {
            Parser parser = (Parser) c[0];
            byte[] sample = (byte[]) c[1];
            byte[] version = sample.clone();
            version[0] = 2;
            assertEquals(Kind.UNSUPPORTED_VERSION, kindOf(parser, version));
            byte[] type = sample.clone();
            type[1] = (byte)
                    (sample[1] == TypeTag.DKG_DEALING.code()
                            ? TypeTag.DKG_COMPLAINT.code()
                            : TypeTag.DKG_DEALING.code());
            assertEquals(Kind.WRONG_TYPE, kindOf(parser, type));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(parser, Arrays.copyOf(sample, sample.length - 1)));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(parser, Arrays.copyOf(sample, sample.length + 1)));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(parser, Arrays.copyOf(sample, 3)));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(parser, new byte[0]));
            assertEquals(Kind.MALFORMED_ENCODING, kindOf(parser, null));
        }
        byte[] recipientZero = complaint.toBytes();
        recipientZero[2] = 0;
        recipientZero[3] = 0;
        assertEquals(Kind.MALFORMED_ENCODING, kindOf(Complaint::fromBytes, recipientZero));
    }

    @Test
    void parseDealing_otherShape_isInvalidArgument() throws CoconutException {
        // Parsed as if for another t, n or q.
        assertEquals(Kind.INVALID_ARGUMENT, kindOf(b -> Dealing.fromBytes(b, run.params, 3, run.size()), dealingBytes));
        assertEquals(
                Kind.INVALID_ARGUMENT, kindOf(b -> Dealing.fromBytes(b, run.params, run.threshold, 4), dealingBytes));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                kindOf(b -> Dealing.fromBytes(b, Setup.setup(4), run.threshold, run.size()), dealingBytes));
        assertEquals(Kind.INVALID_ARGUMENT, kindOf(b -> Dealing.fromBytes(b, run.params, 0, 0), dealingBytes));
        // Announcing another q + 1, t or n than the ledger expects.
        for (int offset : new int[] {2, 3, 5}) {
            byte[] b = dealingBytes.clone();
            b[offset]++;
            assertEquals(Kind.INVALID_ARGUMENT, kindOf(DkgEncodingTest::parseDealing, b), "offset " + offset);
        }
    }

    @Test
    void parseDealing_badPoints_haveTheirKinds() throws CoconutException {
        byte[] identity = dealingBytes.clone();
        identity[COMMITMENTS_AT] = (byte) 0xC0;
        Arrays.fill(identity, COMMITMENTS_AT + 1, COMMITMENTS_AT + Sizes.G2, (byte) 0);
        assertEquals(Kind.IDENTITY_POINT, kindOf(DkgEncodingTest::parseDealing, identity));

        byte[] g2OutsideSubgroup = dealingBytes.clone();
        System.arraycopy(
                outsideSubgroup(G2Element.GENERATOR.toBytes(), G2Element::fromBytes),
                0,
                g2OutsideSubgroup,
                COMMITMENTS_AT + Sizes.G2,
                Sizes.G2);
        assertEquals(Kind.POINT_NOT_IN_SUBGROUP, kindOf(DkgEncodingTest::parseDealing, g2OutsideSubgroup));

        int randomizerAt = Sizes.dkgDealing(run.params.maxAttributes(), run.threshold, 0) - Sizes.G1;
        byte[] g1OutsideSubgroup = dealingBytes.clone();
        System.arraycopy(
                outsideSubgroup(G1Element.GENERATOR.toBytes(), G1Element::fromBytes),
                0,
                g1OutsideSubgroup,
                randomizerAt,
                Sizes.G1);
        assertEquals(Kind.POINT_NOT_IN_SUBGROUP, kindOf(DkgEncodingTest::parseDealing, g1OutsideSubgroup));
    }

    interface PointParser {
        Object parse(byte[] bytes, boolean allowIdentity) throws CoconutException;
    }

    /** A compressed curve point outside the prime-order subgroup: the generator's encoding with its last byte walked. */
    private static byte[] outsideSubgroup(byte[] generator, PointParser parser) {
        for (int v = 0; v < 256; v++) {
            byte[] candidate = generator.clone();
            candidate[candidate.length - 1] = (byte) v;
            try {
                parser.parse(candidate, false);
            } catch (CoconutException e) {
                if (e.kind() == Kind.POINT_NOT_IN_SUBGROUP) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no point outside the subgroup found");
    }

    @Test
    void parseComplaint_badFields_haveTheirKinds() {
        byte[] bytes = complaint.toBytes();
        byte[] identity = bytes.clone();
        identity[4] = (byte) 0xC0;
        Arrays.fill(identity, 5, 4 + Sizes.G1, (byte) 0);
        assertEquals(Kind.IDENTITY_POINT, kindOf(Complaint::fromBytes, identity));
        byte[] nonCanonical = bytes.clone();
        Arrays.fill(nonCanonical, bytes.length - Sizes.SCALAR, bytes.length, (byte) 0xFF);
        assertEquals(Kind.NON_CANONICAL_SCALAR, kindOf(Complaint::fromBytes, nonCanonical));
    }

    @Test
    void fuzz_mutatedDealingsAndComplaints_rejectedOrHarmless() throws CoconutException {
        Random random = new Random(20261205L);
        byte[] complaintBytes = complaint.toBytes();
        int parsedDealings = 0;
        int parsedComplaints = 0;
        for (int n = 0; n < FUZZ; n++) {
            byte[] d = mutate(dealingBytes, random);
            try {
                Dealing parsed = Dealing.fromBytes(d, run.params, run.threshold, run.size());
                parsedDealings++;
                // A mutation that still parses changed a commitment, R or a ciphertext: some share must not open.
                assertNotOpeningForSomeone(parsed);
            } catch (CoconutException expected) {
                // clean rejection
            } catch (RuntimeException | Error e) {
                fail("dealing " + HexFormat.of().formatHex(d) + " threw " + e, e);
            }
            byte[] c = mutate(complaintBytes, random);
            try {
                Complaint parsed = Complaint.fromBytes(c);
                parsedComplaints++;
                assertEquals(
                        Verdict.INVALID_PROOF, parsed.judge(dealing, run.key(2).publicKey(), DkgRun.context(1)));
            } catch (CoconutException expected) {
                // clean rejection
            } catch (RuntimeException | Error e) {
                fail("complaint " + HexFormat.of().formatHex(c) + " threw " + e, e);
            }
        }
        assertTrue(parsedDealings > 50, "mutated dealings that parsed: " + parsedDealings);
        assertTrue(parsedComplaints > 50, "mutated complaints that parsed: " + parsedComplaints);
    }

    private static byte[] mutate(byte[] sample, Random random) {
        byte[] out;
        do {
            out = sample.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                out[2 + random.nextInt(out.length - 2)] ^= (byte) (1 << random.nextInt(8));
            }
        } while (Arrays.equals(out, sample));
        return out;
    }

    private static void assertNotOpeningForSomeone(Dealing parsed) {
        for (int i = 1; i <= run.size(); i++) {
            try {
                parsed.openShare(i, run.key(i), DkgRun.context(1));
            } catch (CoconutException refused) {
                return;
            }
        }
        fail("a mutated dealing opened for every recipient");
    }

    @Test
    void dkgKeyPair_secretText_roundTripsAndRefusesBadText() throws CoconutException {
        DkgKeyPair key = run.key(1);
        String text = key.secretText();
        assertTrue(text.matches("[0-9a-f]{64}"), text);
        assertEquals(
                key.publicKey(), DkgKeyPair.fromSecretText("  " + text + "\n").publicKey());
        assertEquals(
                key.publicKey(), DkgKeyPair.fromSecretText(text.toUpperCase()).publicKey());
        assertEquals(Kind.INVALID_ARGUMENT, secretTextKind("0".repeat(64)));
        assertEquals(Kind.NON_CANONICAL_SCALAR, secretTextKind(HexFormat.of().formatHex(Scalars.toBytes(Scalars.R))));
        assertEquals(Kind.NON_CANONICAL_SCALAR, secretTextKind("f".repeat(64)));
        for (String bad :
                new String[] {null, "", text.substring(1), text + "0", "0x" + text.substring(2), "g" + text.substring(1)
                }) {
            assertEquals(Kind.MALFORMED_ENCODING, secretTextKind(bad), String.valueOf(bad));
        }
        // Neither the key nor a refused secret is ever shown.
        assertFalse(key.toString().contains(text), key.toString());
        String almost = "z" + text.substring(1);
        CoconutException e = assertThrows(CoconutException.class, () -> DkgKeyPair.fromSecretText(almost));
        assertFalse(e.getMessage().contains(text.substring(1)), e.getMessage());
        assertEquals(null, e.getCause());
    }

    private static Kind secretTextKind(String text) {
        return assertThrows(CoconutException.class, () -> DkgKeyPair.fromSecretText(text))
                .kind();
    }

    @Test
    void dkgPublicKey_hexAndBytes_roundTripAndRefuseBadPoints() throws CoconutException {
        DkgPublicKey ek = run.key(3).publicKey();
        assertEquals(96, ek.toHex().length());
        assertEquals(ek, DkgPublicKey.fromHex(ek.toHex()));
        assertEquals(ek, DkgPublicKey.fromBytes(ek.toBytes()));
        assertEquals(
                ek.point(), G1Element.GENERATOR.mul(new BigInteger(run.key(3).secretText(), 16)));
        byte[] identity = new byte[Sizes.G1];
        identity[0] = (byte) 0xC0;
        assertEquals(
                Kind.IDENTITY_POINT,
                assertThrows(CoconutException.class, () -> DkgPublicKey.fromBytes(identity))
                        .kind());
        assertEquals(
                Kind.POINT_NOT_IN_SUBGROUP,
                assertThrows(
                                CoconutException.class,
                                () -> DkgPublicKey.fromBytes(
                                        outsideSubgroup(G1Element.GENERATOR.toBytes(), G1Element::fromBytes)))
                        .kind());
        for (String bad : new String[] {
            null,
            "",
            ek.toHex().substring(2),
            ek.toHex() + "00",
            "x" + ek.toHex().substring(1)
        }) {
            assertEquals(
                    Kind.MALFORMED_ENCODING,
                    assertThrows(CoconutException.class, () -> DkgPublicKey.fromHex(bad))
                            .kind());
        }
        assertThrows(IllegalArgumentException.class, () -> new DkgPublicKey(G1Element.GENERATOR.mul(BigInteger.ZERO)));
    }
}
