package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SealedPayloadTest {

    private final SphinxParams params = SphinxParams.DEFAULT;
    private final SecureRandom random = TestNetwork.seeded(300);
    private final EncryptionKeyPair bob = EncryptionKeyPair.generate(random);

    private SphinxException.Kind openKind(EncryptionKeyPair key, byte[] sealed) {
        return assertThrows(SphinxException.class, () -> SealedPayload.open(params, key, sealed))
                .kind();
    }

    @Test
    void sealOpen_anyPlaintext_roundTrip() throws Exception {
        for (byte[] plaintext : new byte[][] {
            new byte[0], "hello Bob".getBytes(StandardCharsets.UTF_8), new byte[SealedPayload.maxPlaintextSize(params)]
        }) {
            byte[] sealed = SealedPayload.seal(params, bob.publicKey(), plaintext, random);
            assertArrayEquals(plaintext, SealedPayload.open(params, bob, sealed));
        }
    }

    @Test
    void seal_plaintextsOfEveryLength_ciphertextsAllFillThePayload() throws Exception {
        SphinxParams small = new SphinxParams(128);
        Set<Integer> lengths = new HashSet<>();
        for (int len = 0; len <= SealedPayload.maxPlaintextSize(small); len++) {
            lengths.add(SealedPayload.seal(small, bob.publicKey(), new byte[len], random).length);
        }
        assertEquals(Set.of(128), lengths);
        assertEquals(params.payloadSize(), SealedPayload.seal(params, bob.publicKey(), new byte[1], random).length);
        assertEquals(params.payloadSize() - SealedPayload.OVERHEAD - 1, SealedPayload.maxPlaintextSize(params));
    }

    @Test
    void seal_plaintextTooLong_throwsMessageTooLong() {
        byte[] tooLong = new byte[SealedPayload.maxPlaintextSize(params) + 1];
        SphinxException e =
                assertThrows(SphinxException.class, () -> SealedPayload.seal(params, bob.publicKey(), tooLong, random));
        assertEquals(SphinxException.Kind.MESSAGE_TOO_LONG, e.kind());
    }

    @Test
    void open_otherRecipientsKey_throwsSealOpenFailed() throws Exception {
        byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
        assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(EncryptionKeyPair.generate(random), sealed));
    }

    @Test
    void open_anyByteChanged_throwsSealOpenFailed() throws Exception {
        byte[] sealed = SealedPayload.seal(params, bob.publicKey(), "secret".getBytes(StandardCharsets.UTF_8), random);
        // the representative, the ciphertext and the tag
        for (int pos :
                new int[] {0, 17, 31, 32, 100, 1000, sealed.length - 17, sealed.length - 16, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[pos] ^= 0x01;
            assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(bob, changed), "byte " + pos);
        }
    }

    @Test
    void open_representativeTopBitFlipped_failsAlthoughTheKeyIsTheSame() throws Exception {
        // the map ignores the two top bits, but the KDF binds the representative as sent: flipping one fails the tag
        for (int bit : new int[] {0x40, 0x80}) {
            byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
            byte[] flipped = sealed.clone();
            flipped[31] ^= (byte) bit;
            assertArrayEquals(Elligator2.decode(sealed, 0), Elligator2.decode(flipped, 0));
            assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(bob, flipped), "bit " + bit);
        }
    }

    @Test
    void seal_manyPayloads_representativeTopBitsTakeEveryValue() throws Exception {
        Set<Integer> topBits = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
            topBits.add(sealed[31] & 0xc0);
            assertArrayEquals(new byte[] {1}, SealedPayload.open(params, bob, sealed));
        }
        assertEquals(Set.of(0x00, 0x40, 0x80, 0xc0), topBits);
    }

    @Test
    void open_representativeOfLowOrderPointOrWrongLength_refused() throws Exception {
        byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
        int lowOrder = 0;
        for (int t = 0; t < 8; t++) {
            BigInteger u = CurvePoints.uOf(CurvePoints.LOW_ORDER_GENERATOR.multiply(BigInteger.valueOf(t)));
            BigInteger r = u.signum() == 0 ? BigInteger.ZERO : Elligator2.inverse(u, true); // the map sends 0 to 0
            if (r != null) {
                assertEquals(u, Elligator2.map(r));
                byte[] changed = sealed.clone();
                System.arraycopy(Elligator2.toLittleEndian(r), 0, changed, 0, 32);
                assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(bob, changed), "t = " + t);
                lowOrder++;
            }
        }
        assertTrue(lowOrder >= 3, "the zero representative and the points of order 4 at least: " + lowOrder);
        assertEquals(SphinxException.Kind.MALFORMED, openKind(bob, new byte[params.payloadSize() - 1]));
    }

    @Test
    void seal_lowOrderOrShortRecipientKey_throwsInvalidKey() {
        for (byte[] key : new byte[][] {new byte[32], new byte[31]}) {
            assertEquals(
                    SphinxException.Kind.INVALID_KEY,
                    assertThrows(SphinxException.class, () -> SealedPayload.seal(params, key, new byte[1], random))
                            .kind());
        }
    }

    @Test
    void buildSealed_overThreeHops_recipientOpensFinalBody() throws Exception {
        TestNetwork net = new TestNetwork(params, 3, 301);
        byte[] plaintext = "end to end".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = SealedPayload.seal(params, bob.publicKey(), plaintext, random);
        ProcessResult.Final f =
                net.deliver(net.builder.buildSealed(net.route(3), Destination.of(TestNetwork.address(5)), sealed));
        assertArrayEquals(sealed, f.body(), "the final hop sees exactly the sealed bytes");
        assertArrayEquals(plaintext, SealedPayload.open(params, bob, f.body()));
    }

    @Test
    void buildSealed_payloadOfOtherLength_throwsMalformed() {
        TestNetwork net = new TestNetwork(params, 1, 302);
        assertEquals(
                SphinxException.Kind.MALFORMED,
                assertThrows(
                                SphinxException.class,
                                () -> net.builder.buildSealed(
                                        net.route(1), Destination.of(TestNetwork.address(5)), new byte[100]))
                        .kind());
    }

    @Test
    void toString_keyPair_revealsNoPrivateKey() {
        assertFalse(bob.toString().contains(java.util.HexFormat.of().formatHex(bob.privateKeyBytes())));
        assertArrayEquals(
                bob.publicKey(),
                EncryptionKeyPair.fromPrivateKey(bob.privateKeyBytes()).publicKey());
    }
}
