package nym.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import nym.coconut.Token;
import nym.coconut.issuance.Issuance;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.Test;

class BlindSignPayloadTest {

    @Test
    void roundTrip_parsedRequest_blindSignable() throws Exception {
        BlindSignPayload payload = Fixtures.blindSignPayload();

        BlindSignPayload parsed = BlindSignPayload.fromBytes(payload.toBytes());

        assertArrayEquals(payload.toBytes(), parsed.toBytes());
        assertEquals(payload.gamma(), parsed.gamma());
        Issuance.blindSign(
                Fixtures.PARAMS,
                Fixtures.KEYS.issuer(1).secretKey(),
                parsed.gamma(),
                parsed.lambda(),
                Token.publicAttributes(10));
    }

    @Test
    void fromBytes_everyTruncation_malformed() throws Exception {
        byte[] wire = Fixtures.blindSignPayload().toBytes();
        for (int n = 0; n < wire.length; n++) {
            byte[] cut = Arrays.copyOf(wire, n);
            assertEquals(
                    Kind.MALFORMED,
                    assertThrows(PayloadException.class, () -> BlindSignPayload.fromBytes(cut))
                            .kind(),
                    "length " + n);
        }
    }

    @Test
    void fromBytes_depositPayload_wrongType() throws Exception {
        byte[] deposit = new DepositPayload(1, Fixtures.NONCE, Fixtures.theta()).toBytes();

        assertEquals(
                Kind.WRONG_TYPE,
                assertThrows(PayloadException.class, () -> BlindSignPayload.fromBytes(deposit))
                        .kind());
    }

    @Test
    void fromBytes_swappedFields_invalidElement() throws Exception {
        BlindSignPayload payload = Fixtures.blindSignPayload();
        byte[] swapped = new PayloadWriter(BlindSignPayload.VERSION, BlindSignPayload.TYPE)
                .longField(payload.lambda().toBytes())
                .longField(payload.gamma().toBytes())
                .toBytes();

        assertEquals(
                Kind.INVALID_ELEMENT,
                assertThrows(PayloadException.class, () -> BlindSignPayload.fromBytes(swapped))
                        .kind());
    }

    @Test
    void fromBytes_trailingByte_malformed() throws Exception {
        byte[] wire = Fixtures.blindSignPayload().toBytes();

        assertEquals(
                Kind.MALFORMED,
                assertThrows(
                                PayloadException.class,
                                () -> BlindSignPayload.fromBytes(Arrays.copyOf(wire, wire.length + 1)))
                        .kind());
    }
}
