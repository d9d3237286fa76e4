package nym.gateway.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import org.junit.jupiter.api.Test;

class GatewayMessageTest {

    private static final byte[] GATEWAY = Ed25519Identity.generate().publicKey();
    private static final int PACKET = 2466;
    private static final int PAYLOAD = 2048;
    private static final CellSizes SIZES = CellSizes.forNetwork(PACKET, PAYLOAD);

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** The one place that builds a Delivered (its shape belongs to the Sphinx final hop, see the README). */
    private static Delivered delivered(int bodyBytes, int value) {
        return new Delivered(filled(16, value), filled(bodyBytes, value));
    }

    private static GatewayProtocolException.Kind kindOf(Runnable parse) {
        return assertThrows(GatewayProtocolException.class, parse::run).kind();
    }

    private static List<GatewayMessage> samples() {
        Ed25519Identity client = Ed25519Identity.generate();
        return List.of(
                new Register(client.publicKey()),
                new Challenge(filled(32, 1)),
                ChallengeResponse.sign(client, filled(32, 1), filled(32, 2), GATEWAY),
                new Registered(),
                new Authenticate(client.publicKey()),
                new Authenticated(3, 17, 1_000_000),
                new Send(filled(32, 5), filled(PACKET, 6)),
                new Deliver(7, delivered(PAYLOAD, 9)),
                new Ack(new long[] {1, 2, 1L << 40}),
                new ErrorMessage(ErrorMessage.Code.NOT_REGISTERED, "not registered: é"));
    }

    @Test
    void decode_everyType_roundTrips() {
        for (GatewayMessage m : samples()) {
            byte[] bytes = m.encode();
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
                assertEquals(
                        GatewayProtocolException.Kind.TRUNCATED,
                        kindOf(() -> GatewayMessage.decode(cut)),
                        m + " cut at " + len);
            }
        }
    }

    @Test
    void decode_trailingByte_throwsTrailingBytes() {
        for (GatewayMessage m : samples()) {
            byte[] bytes = Arrays.copyOf(m.encode(), m.encode().length + 1);
            assertEquals(
                    GatewayProtocolException.Kind.TRAILING_BYTES,
                    kindOf(() -> GatewayMessage.decode(bytes)),
                    m.toString());
        }
    }

    @Test
    void decode_unknownOrPaddingType_throwsUnknownType() {
        for (int type : new int[] {0x00, 0x0f, 0x7f, 0xff}) {
            byte[] bytes = {(byte) type, 0, 0};
            assertEquals(GatewayProtocolException.Kind.UNKNOWN_TYPE, kindOf(() -> GatewayMessage.decode(bytes)));
        }
    }

    @Test
    void decode_badFields_throwInvalidField() {
        byte[] ackZero = {GatewayMessage.TYPE_ACK, 0};
        byte[] ackTooMany = new byte[2 + 33 * 8];
        ackTooMany[0] = GatewayMessage.TYPE_ACK;
        ackTooMany[1] = 33;
        byte[] ackNegative = new Ack(new long[] {1}).encode();
        ackNegative[2] = (byte) 0x80;
        byte[] deliverNegative = new Deliver(1, delivered(10, 1)).encode();
        deliverNegative[1] = (byte) 0x80;
        byte[] badCode = new ErrorMessage(ErrorMessage.Code.MALFORMED, "x").encode();
        badCode[2] = 99;
        byte[] longText = new byte[5 + 1025];
        longText[0] = GatewayMessage.TYPE_ERROR;
        longText[2] = 1;
        longText[3] = 0x04;
        longText[4] = 0x01;
        byte[] notUtf8 = new ErrorMessage(ErrorMessage.Code.MALFORMED, "x").encode();
        notUtf8[5] = (byte) 0xff;
        for (byte[] b : List.of(ackZero, ackTooMany, ackNegative, deliverNegative, badCode, longText, notUtf8)) {
            assertEquals(GatewayProtocolException.Kind.INVALID_FIELD, kindOf(() -> GatewayMessage.decode(b)));
        }
    }

    @Test
    void constructors_wrongSizes_throwInvalidField() {
        for (Runnable r : List.<Runnable>of(
                () -> new Register(new byte[31]),
                () -> new Challenge(new byte[33]),
                () -> new ChallengeResponse(new byte[63]),
                () -> new Authenticate(null),
                () -> new Send(new byte[32], null),
                () -> new Ack(new long[0]),
                () -> new Ack(new long[Ack.MAX_SEQS + 1]),
                () -> new Deliver(-1, delivered(1, 1)),
                () -> new Authenticated(-1, 0, 0))) {
            assertEquals(GatewayProtocolException.Kind.INVALID_FIELD, kindOf(r));
        }
    }

    @Test
    void challengeResponse_signature_bindsChallengeHandshakeAndGateway() {
        Ed25519Identity client = Ed25519Identity.generate();
        byte[] challenge = filled(32, 1);
        byte[] hash = filled(32, 2);
        ChallengeResponse r = ChallengeResponse.sign(client, challenge, hash, GATEWAY);
        assertTrue(r.verifies(client.publicKey(), challenge, hash, GATEWAY));
        assertFalse(r.verifies(client.publicKey(), filled(32, 3), hash, GATEWAY), "another challenge");
        assertFalse(r.verifies(client.publicKey(), challenge, filled(32, 3), GATEWAY), "another link");
        assertFalse(
                r.verifies(
                        client.publicKey(),
                        challenge,
                        hash,
                        Ed25519Identity.generate().publicKey()),
                "gateway");
        assertFalse(r.verifies(Ed25519Identity.generate().publicKey(), challenge, hash, GATEWAY), "another client");
    }

    @Test
    void unpack_packedMessages_comeBackInOrderInOneCellSize() {
        Send send = new Send(filled(32, 5), filled(PACKET, 6));
        Ack ack = new Ack(new long[Ack.MAX_SEQS]);
        byte[] up = Cells.pack(SIZES.uplink(), send, ack);
        assertEquals(SIZES.uplink(), up.length);
        List<GatewayMessage> back = Cells.unpack(up, SIZES.uplink());
        assertEquals(2, back.size());
        assertArrayEquals(send.encode(), back.get(0).encode());
        assertEquals(ack, back.get(1));

        Deliver deliver = new Deliver(1, delivered(PAYLOAD, 3));
        ErrorMessage error = new ErrorMessage(ErrorMessage.Code.OVERLOADED, "gateway overloaded, packet dropped");
        byte[] down = Cells.pack(SIZES.downlink(), new Authenticated(1, 2, Authenticated.UNMETERED), error, deliver);
        assertEquals(SIZES.downlink(), down.length);
        assertEquals(3, Cells.unpack(down, SIZES.downlink()).size());
        ErrorMessage longest = new ErrorMessage(ErrorMessage.Code.MALFORMED, "x".repeat(ErrorMessage.MAX_TEXT_BYTES));
        assertEquals(
                1,
                Cells.unpack(Cells.pack(SIZES.downlink(), longest), SIZES.downlink())
                        .size());
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
    void unpack_dummyCell_isEmptyAndSameSize() {
        byte[] dummy = Cells.pack(SIZES.downlink());
        assertEquals(SIZES.downlink(), dummy.length);
        assertTrue(Cells.unpack(dummy, SIZES.downlink()).isEmpty());
    }

    @Test
    void unpack_malformedCells_throwTheirKind() {
        byte[] good = Cells.pack(64, new Ack(new long[] {4}));
        byte[] otherVersion = good.clone();
        otherVersion[0] = 1;
        byte[] dirtyPadding = good.clone();
        dirtyPadding[63] = 1;
        byte[] cutMessage = Cells.pack(64, new Ack(new long[] {4}));
        cutMessage[2] = 8; // claims 8 seqs: runs past the cell's end
        assertEquals(GatewayProtocolException.Kind.INVALID_FIELD, kindOf(() -> Cells.unpack(good, 65)));
        assertEquals(GatewayProtocolException.Kind.INVALID_FIELD, kindOf(() -> Cells.unpack(new byte[0], 0)));
        assertEquals(GatewayProtocolException.Kind.UNSUPPORTED_VERSION, kindOf(() -> Cells.unpack(otherVersion, 64)));
        assertEquals(GatewayProtocolException.Kind.INVALID_FIELD, kindOf(() -> Cells.unpack(dirtyPadding, 64)));
        assertEquals(GatewayProtocolException.Kind.TRUNCATED, kindOf(() -> Cells.unpack(cutMessage, 64)));
    }

    @Test
    void pack_tooMuch_throwsTooLargeAndTryAddRefuses() {
        Send send = new Send(filled(32, 5), filled(PACKET, 6));
        assertEquals(GatewayProtocolException.Kind.TOO_LARGE, kindOf(() -> Cells.pack(SIZES.uplink(), send, send)));
        CellBuilder cell = new CellBuilder(SIZES.uplink());
        assertTrue(cell.tryAdd(send));
        int room = cell.room();
        assertFalse(cell.tryAdd(send));
        assertEquals(room, cell.room());
    }

    @Test
    void forNetwork_largestMessages_fitTheirCells() {
        CellSizes sizes = CellSizes.forNetwork(PACKET, PAYLOAD);
        assertEquals(1 + Send.encodedLength(PACKET) + Ack.encodedLength(Ack.MAX_SEQS), sizes.uplink());
        assertTrue(sizes.downlink() >= 1 + Deliver.encodedLength(PAYLOAD + 21) + Authenticated.encodedLength());
        assertEquals(
                GatewayProtocolException.Kind.INVALID_FIELD,
                kindOf(() -> CellSizes.forNetwork(70_000, 68_000)),
                "a Noise transport message holds at most 65535 bytes");
    }

    @Test
    void toString_carriesNoKeysOrClientIds() {
        Ed25519Identity client = Ed25519Identity.generate();
        String id = Keys.encode(client.publicKey());
        for (GatewayMessage m : List.of(
                new Register(client.publicKey()),
                new Authenticate(client.publicKey()),
                ChallengeResponse.sign(client, filled(32, 1), filled(32, 2), GATEWAY))) {
            assertFalse(m.toString().contains(id), m.toString());
        }
    }
}
