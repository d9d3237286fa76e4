package nym.gateway.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import org.junit.jupiter.api.Test;

class GatewayMessageTest {

    private static final byte[] GATEWAY = Ed25519Identity.generate().publicKey();

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static List<GatewayMessage> samples() {
        Ed25519Identity client = Ed25519Identity.generate();
        Delivered plain = new Delivered(filled(16, 3), filled(300, 4));
        Delivered reply = new Delivered(filled(16, 7), filled(300, 9));
        return List.of(
                Register.sign(client, GATEWAY, 1_700_000_000_000L),
                new Registered(filled(32, 1), filled(32, 2)),
                new Authenticate(filled(32, 1), filled(32, 2), true),
                new Authenticate(filled(32, 1), filled(32, 2), false),
                new Authenticated(3, 17),
                new Send(filled(32, 5), filled(2466, 6)),
                new Fetch(100),
                new Messages(List.of(plain, reply)),
                new Messages(List.of()),
                new Push(reply),
                new ErrorMessage(ErrorMessage.Code.BAD_TOKEN, "unknown client or wrong token: é"));
    }

    @Test
    void encodeDecode_everyType_roundTrips() {
        for (GatewayMessage m : samples()) {
            byte[] bytes = m.encode();
            assertEquals(GatewayMessage.VERSION, bytes[0]);
            GatewayMessage back = GatewayMessage.decode(bytes);
            assertEquals(m.getClass(), back.getClass());
            assertArrayEquals(bytes, back.encode(), m.toString());
        }
    }

    @Test
    void decode_everyTruncation_throwsTruncated() {
        for (GatewayMessage m : samples()) {
            byte[] bytes = m.encode();
            for (int len = 0; len < bytes.length; len++) {
                byte[] cut = Arrays.copyOf(bytes, len);
                GatewayProtocolException e = assertThrows(
                        GatewayProtocolException.class, () -> GatewayMessage.decode(cut), m + " at " + len);
                assertTrue(
                        e.kind() == GatewayProtocolException.Kind.TRUNCATED
                                || e.kind() == GatewayProtocolException.Kind.INVALID_FIELD,
                        e.getMessage());
            }
        }
    }

    @Test
    void decode_trailingByte_throwsTrailingBytes() {
        for (GatewayMessage m : samples()) {
            byte[] bytes = Arrays.copyOf(m.encode(), m.encode().length + 1);
            assertEquals(
                    GatewayProtocolException.Kind.TRAILING_BYTES,
                    assertThrows(GatewayProtocolException.class, () -> GatewayMessage.decode(bytes))
                            .kind());
        }
    }

    @Test
    void decode_otherVersionOrType_throwsKind() {
        byte[] bytes = new Fetch(1).encode();
        bytes[0] = 2;
        assertEquals(
                GatewayProtocolException.Kind.UNSUPPORTED_VERSION,
                assertThrows(GatewayProtocolException.class, () -> GatewayMessage.decode(bytes))
                        .kind());
        byte[] unknown = {1, 0x7f};
        assertEquals(
                GatewayProtocolException.Kind.UNKNOWN_TYPE,
                assertThrows(GatewayProtocolException.class, () -> GatewayMessage.decode(unknown))
                        .kind());
    }

    @Test
    void decode_badFields_throwInvalidField() {
        byte[] fetchZero = {1, GatewayMessage.TYPE_FETCH, 0, 0};
        byte[] badFlags = new Authenticate(filled(32, 1), filled(32, 2), false).encode();
        badFlags[badFlags.length - 1] = 4;
        byte[] badCode = new ErrorMessage(ErrorMessage.Code.MALFORMED, "x").encode();
        badCode[3] = 99;
        for (byte[] b : List.of(fetchZero, badFlags, badCode)) {
            assertEquals(
                    GatewayProtocolException.Kind.INVALID_FIELD,
                    assertThrows(GatewayProtocolException.class, () -> GatewayMessage.decode(b))
                            .kind());
        }
    }

    @Test
    void register_signature_bindsGatewayKeyAndTimestamp() {
        Ed25519Identity client = Ed25519Identity.generate();
        Register r = Register.sign(client, GATEWAY, 42);
        assertTrue(r.verifies(GATEWAY));
        assertFalse(r.verifies(Ed25519Identity.generate().publicKey()));
        assertFalse(new Register(r.identityKey(), 43, r.signature()).verifies(GATEWAY));
    }

    @Test
    void clientAddress_textForm_roundTripsWithItsThreeKeys() {
        ClientAddress a = new ClientAddress(filled(32, 3), filled(32, 4), GATEWAY);
        String text = a.toString();
        assertEquals(a, ClientAddress.parse(text));
        assertEquals(Keys.encode(filled(32, 3)) + "." + Keys.encode(filled(32, 4)) + "@" + Keys.encode(GATEWAY), text);
        assertArrayEquals(filled(32, 4), ClientAddress.parse(text).encryptionKey());
        assertNotEquals(a, new ClientAddress(filled(32, 3), filled(32, 5), GATEWAY));
    }

    @Test
    void clientAddress_malformedText_refused() {
        String id = Keys.encode(filled(32, 3));
        String enc = Keys.encode(filled(32, 4));
        String gw = Keys.encode(GATEWAY);
        List<String> bad = List.of(
                "",
                "abc",
                id + "@" + gw, // the old form, without an encryption key
                id + "." + enc + "@" + gw + "@" + gw,
                id + "." + enc + "." + enc + "@" + gw,
                id + "@" + enc + "." + gw, // separators swapped
                "." + enc + "@" + gw,
                id + ".@" + gw,
                id + "." + enc + "@",
                id + "." + enc.substring(1) + "@" + gw, // 31-byte key
                id + "." + enc + "A@" + gw,
                id + "." + enc.substring(0, 42) + "_@" + gw, // non-canonical trailing bits
                id + "." + enc + "=@" + gw,
                id + "." + enc.replace(enc.charAt(0), '+') + "@" + gw); // not base64url
        for (String text : bad) {
            assertThrows(GatewayProtocolException.class, () -> ClientAddress.parse(text), text);
        }
        assertThrows(GatewayProtocolException.class, () -> ClientAddress.parse(null));
        assertThrows(GatewayProtocolException.class, () -> new ClientAddress(filled(32, 3), filled(31, 4), GATEWAY));
    }

    @Test
    void delivered_storedForm_identifierLengthAndBodyOnly() {
        Delivered d = new Delivered(filled(16, 7), filled(300, 9));
        byte[] stored = d.toBytes();
        assertEquals(16 + 4 + 300, stored.length, "no flags byte");
        assertEquals(d, Delivered.fromBytes(stored));
        assertThrows(GatewayProtocolException.class, () -> new Delivered(filled(15, 7), filled(300, 9)));
        assertFalse(d.toString().contains("CQkJ"), "no body bytes in toString");
    }

    @Test
    void secrets_neverInToString() {
        Registered r = new Registered(filled(32, 1), filled(32, 0x41));
        assertFalse(r.toString().contains("QUFB"));
        assertFalse(new Authenticate(filled(32, 1), filled(32, 0x41), false)
                .toString()
                .contains("QUFB"));
    }

    @Test
    void framing_roundTripsAndRefusesOversizedLength() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GatewayFraming.write(out, new Fetch(5));
        GatewayFraming.write(out, new Authenticated(1, 2));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(new Fetch(5), GatewayFraming.read(in));
        assertEquals(new Authenticated(1, 2), GatewayFraming.read(in));
        assertThrows(EOFException.class, () -> GatewayFraming.read(in));
        byte[] huge = {0x7f, 0, 0, 0};
        assertEquals(
                GatewayProtocolException.Kind.TOO_LARGE,
                assertThrows(GatewayProtocolException.class, () -> GatewayFraming.read(new ByteArrayInputStream(huge)))
                        .kind());
    }
}
