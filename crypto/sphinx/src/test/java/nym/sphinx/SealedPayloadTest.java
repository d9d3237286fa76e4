package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

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
        // the ephemeral key (its low 255 bits), the ciphertext and the tag
        for (int pos :
                new int[] {0, 17, 31, 32, 100, 1000, sealed.length - 17, sealed.length - 16, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[pos] ^= 0x01;
            assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(bob, changed), "byte " + pos);
        }
    }

    @Test
    void open_ephemeralKeyTopBitFlipped_stillBoundToSentBytes() throws Exception {
        // X25519 ignores the top bit, but the KDF binds e_pub as sent: flipping it fails the tag
        byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
        sealed[31] ^= (byte) 0x80;
        assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(bob, sealed));
    }

    @Test
    void seal_manyPayloads_ephemeralKeyTopBitTakesBothValues() throws Exception {
        Set<Integer> topBits = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
            topBits.add(sealed[31] & 0x80);
            assertArrayEquals(new byte[] {1}, SealedPayload.open(params, bob, sealed));
        }
        assertEquals(Set.of(0, 0x80), topBits);
    }

    @Test
    void open_lowOrderEphemeralKeyOrWrongLength_refused() throws Exception {
        byte[] sealed = SealedPayload.seal(params, bob.publicKey(), new byte[] {1}, random);
        java.util.Arrays.fill(sealed, 0, 32, (byte) 0);
        assertEquals(SphinxException.Kind.SEAL_OPEN_FAILED, openKind(bob, sealed));
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
