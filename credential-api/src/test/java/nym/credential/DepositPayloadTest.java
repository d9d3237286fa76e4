package nym.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nym.coconut.Token;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DepositPayloadTest {

    private static final long KEY_EPOCH = 0x0102030405L;
    /** header(2) + key epoch(8): where the nonce's length byte is. */
    private static final int NONCE_LENGTH_AT = 2 + 8;

    private static Theta theta;

    @BeforeAll
    static void showCredential() throws Exception {
        theta = Fixtures.theta();
    }

    private static byte[] wire() {
        return new DepositPayload(KEY_EPOCH, Fixtures.NONCE, theta).toBytes();
    }

    @Test
    void roundTrip_parsedPayload_verifiesWithTheBinding() throws Exception {
        byte[] wire = wire();

        DepositPayload parsed = DepositPayload.fromBytes(wire);

        assertEquals(new DepositPayload(KEY_EPOCH, Fixtures.NONCE, theta), parsed);
        assertEquals(KEY_EPOCH, parsed.keyEpoch());
        assertArrayEquals(Fixtures.NONCE, parsed.nonce());
        assertArrayEquals(theta.zeta().toBytes(), parsed.zeta());
        assertEquals(48, parsed.zeta().length);
        assertEquals(2 + 8 + 1 + Fixtures.NONCE.length + 2 + theta.toBytes().length, wire.length);
        Showing.verifyCredential(
                Fixtures.PARAMS,
                Fixtures.KEYS.verificationKey(),
                parsed.theta(),
                Token.publicAttributes(10),
                Fixtures.PROVIDER,
                parsed.nonce());
    }

    @Test
    void toBytes_version2_keyEpochBigEndianAfterTheHeader() {
        byte[] wire = wire();

        assertEquals(2, wire[0]);
        assertEquals('D', wire[1]);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 2, 3, 4, 5}, Arrays.copyOfRange(wire, 2, 10));
        assertNotEquals(
                new DepositPayload(KEY_EPOCH, Fixtures.NONCE, theta),
                new DepositPayload(KEY_EPOCH + 1, Fixtures.NONCE, theta));
    }

    @Test
    void fromBytes_version1WithoutKeyEpoch_refusedSayingWhy() {
        // what a client from before key epochs sent: 0x01 ‖ 'D' ‖ u8 len ‖ nonce ‖ u16 len ‖ Θ
        byte[] v2 = wire();
        byte[] v1 = new byte[v2.length - 8];
        v1[0] = 1;
        v1[1] = DepositPayload.TYPE;
        System.arraycopy(v2, NONCE_LENGTH_AT, v1, 2, v2.length - NONCE_LENGTH_AT);

        PayloadException e = assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(v1));

        assertEquals(Kind.UNSUPPORTED_VERSION, e.kind());
        assertTrue(e.getMessage().contains("version 1 names no key epoch"), e.getMessage());
    }

    @Test
    void fromBytes_keyEpochZeroOrAboveSigned64Bits_malformed() {
        byte[] zero = wire();
        Arrays.fill(zero, 2, 10, (byte) 0);
        byte[] huge = wire();
        huge[2] = (byte) 0x80;

        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(zero))
                        .kind());
        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(huge))
                        .kind());
        assertThrows(IllegalArgumentException.class, () -> new DepositPayload(0, Fixtures.NONCE, theta));
    }

    @Test
    void fromBytes_everyTruncation_malformed() {
        byte[] wire = wire();
        for (int n = 0; n < wire.length; n++) {
            byte[] cut = Arrays.copyOf(wire, n);
            PayloadException e = assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(cut));
            assertEquals(Kind.MALFORMED, e.kind(), "length " + n);
        }
    }

    @Test
    void fromBytes_trailingByte_malformed() {
        byte[] wire = wire();

        PayloadException e = assertThrows(
                PayloadException.class, () -> DepositPayload.fromBytes(Arrays.copyOf(wire, wire.length + 1)));

        assertEquals(Kind.MALFORMED, e.kind());
    }

    @Test
    void fromBytes_otherVersionOrType_refused() {
        byte[] version = wire();
        version[0] = 3;
        byte[] type = wire();
        type[1] = BlindSignPayload.TYPE;

        assertEquals(
                Kind.UNSUPPORTED_VERSION,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(version))
                        .kind());
        assertEquals(
                Kind.WRONG_TYPE,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(type))
                        .kind());
    }

    @Test
    void fromBytes_nonceShorterThanCoconutAllows_malformed() {
        byte[] wire = wire();
        int nonceEnd = NONCE_LENGTH_AT + 1 + Fixtures.NONCE.length;
        byte[] shortNonce = new byte[wire.length - (Fixtures.NONCE.length - 15)];
        System.arraycopy(wire, 0, shortNonce, 0, NONCE_LENGTH_AT);
        shortNonce[NONCE_LENGTH_AT] = 15;
        System.arraycopy(wire, nonceEnd, shortNonce, NONCE_LENGTH_AT + 1 + 15, wire.length - nonceEnd);

        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(shortNonce))
                        .kind());
    }

    @Test
    void fromBytes_flippedPointByte_invalidElement() {
        byte[] wire = wire();
        // first byte of h' inside Θ: after header(2), key epoch(8), nonce(1 + 32), Θ length(2), Θ header(2), count(1)
        int hPrime = NONCE_LENGTH_AT + 1 + Fixtures.NONCE.length + 2 + 3;
        wire[hPrime + 5] ^= 0x01;

        assertEquals(
                Kind.INVALID_ELEMENT,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(wire))
                        .kind());
    }

    @Test
    void fromBytes_oversized_malformedBeforeParsing() {
        byte[] big = new byte[PayloadWriter.MAX_BYTES + 1];
        big[0] = DepositPayload.VERSION;
        big[1] = DepositPayload.TYPE;

        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(big))
                        .kind());
        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(null))
                        .kind());
    }

    @Test
    void constructor_nonceOutOfCoconutBounds_refused() {
        assertThrows(IllegalArgumentException.class, () -> new DepositPayload(1, new byte[15], theta));
        assertThrows(IllegalArgumentException.class, () -> new DepositPayload(1, new byte[256], theta));
    }

    @Test
    void zetaHex_isLowercaseHexOfCompressedZeta() {
        DepositPayload payload = new DepositPayload(1, Fixtures.NONCE, theta);

        assertEquals(96, payload.zetaHex().length());
        assertEquals(payload.zetaHex().toLowerCase(), payload.zetaHex());
    }
}
