package nym.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import nym.coconut.Token;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DepositPayloadTest {

    private static Theta theta;

    @BeforeAll
    static void showCredential() throws Exception {
        theta = Fixtures.theta();
    }

    @Test
    void roundTrip_parsedPayload_verifiesWithTheBinding() throws Exception {
        byte[] wire = new DepositPayload(Fixtures.NONCE, theta).toBytes();

        DepositPayload parsed = DepositPayload.fromBytes(wire);

        assertEquals(new DepositPayload(Fixtures.NONCE, theta), parsed);
        assertArrayEquals(Fixtures.NONCE, parsed.nonce());
        assertArrayEquals(theta.zeta().toBytes(), parsed.zeta());
        assertEquals(48, parsed.zeta().length);
        assertEquals(2 + 1 + Fixtures.NONCE.length + 2 + theta.toBytes().length, wire.length);
        Showing.verifyCredential(
                Fixtures.PARAMS,
                Fixtures.KEYS.verificationKey(),
                parsed.theta(),
                Token.publicAttributes(10),
                Fixtures.PROVIDER,
                parsed.nonce());
    }

    @Test
    void fromBytes_everyTruncation_malformed() throws Exception {
        byte[] wire = new DepositPayload(Fixtures.NONCE, theta).toBytes();
        for (int n = 0; n < wire.length; n++) {
            byte[] cut = Arrays.copyOf(wire, n);
            PayloadException e = assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(cut));
            assertEquals(Kind.MALFORMED, e.kind(), "length " + n);
        }
    }

    @Test
    void fromBytes_trailingByte_malformed() throws Exception {
        byte[] wire = new DepositPayload(Fixtures.NONCE, theta).toBytes();

        PayloadException e = assertThrows(
                PayloadException.class, () -> DepositPayload.fromBytes(Arrays.copyOf(wire, wire.length + 1)));

        assertEquals(Kind.MALFORMED, e.kind());
    }

    @Test
    void fromBytes_otherVersionOrType_refused() throws Exception {
        byte[] wire = new DepositPayload(Fixtures.NONCE, theta).toBytes();
        byte[] version = wire.clone();
        version[0] = 2;
        byte[] type = wire.clone();
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
    void fromBytes_nonceShorterThanCoconutAllows_malformed() throws Exception {
        byte[] wire = new DepositPayload(Fixtures.NONCE, theta).toBytes();
        byte[] shortNonce = new byte[wire.length - (Fixtures.NONCE.length - 15)];
        shortNonce[0] = wire[0];
        shortNonce[1] = wire[1];
        shortNonce[2] = 15;
        System.arraycopy(wire, 3 + Fixtures.NONCE.length, shortNonce, 3 + 15, wire.length - 3 - Fixtures.NONCE.length);

        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(shortNonce))
                        .kind());
    }

    @Test
    void fromBytes_flippedPointByte_invalidElement() throws Exception {
        byte[] wire = new DepositPayload(Fixtures.NONCE, theta).toBytes();
        // first byte of h' inside Θ: after header(2), nonce(1 + 32), Θ length(2), Θ header(2), count(1)
        int hPrime = 2 + 1 + Fixtures.NONCE.length + 2 + 3;
        wire[hPrime + 5] ^= 0x01;

        assertEquals(
                Kind.INVALID_ELEMENT,
                assertThrows(PayloadException.class, () -> DepositPayload.fromBytes(wire))
                        .kind());
    }

    @Test
    void fromBytes_oversized_malformedBeforeParsing() {
        byte[] big = new byte[PayloadWriter.MAX_BYTES + 1];
        big[0] = 1;
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
        assertThrows(IllegalArgumentException.class, () -> new DepositPayload(new byte[15], theta));
        assertThrows(IllegalArgumentException.class, () -> new DepositPayload(new byte[256], theta));
    }

    @Test
    void zetaHex_isLowercaseHexOfCompressedZeta() {
        DepositPayload payload = new DepositPayload(Fixtures.NONCE, theta);

        assertEquals(96, payload.zetaHex().length());
        assertEquals(payload.zetaHex().toLowerCase(), payload.zetaHex());
    }
}
