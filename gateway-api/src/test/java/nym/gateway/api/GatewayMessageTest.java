package nym.gateway.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import org.junit.jupiter.api.Test;

class GatewayMessageTest {

    private static final byte[] GATEWAY = Ed25519Identity.generate().publicKey();
    private static final int PACKET = 2466;
    private static final int PAYLOAD = 2048;
    private static final CellSizes SIZES = CellSizes.forNetwork(PACKET, PAYLOAD);
    /** A SpendOffer's nonce and a showing's Θ: never to be seen in a log line. */
    private static final byte[] NONCE = distinct(32, 1);

    private static final byte[] THETA = distinct(419, 2);
    private static final byte[] BINDING = distinct(SpendOffer.BINDING_BYTES, 3);

    /** {@code n} bytes that differ from each other, so any part of them is recognisable in a text. */
    private static byte[] distinct(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 101 + i * 7);
        }
        return b;
    }

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
                new ErrorMessage(ErrorMessage.Code.NOT_REGISTERED, "not registered: é"),
                new Authenticated(0, 0, Authenticated.UNMETERED),
                new RequestSpend(),
                new SpendOffer(NONCE, BINDING, 1_048_576),
                new SpendCredential(2, 10, NONCE, THETA),
                new Bandwidth(10_485_760, 10_483_294),
                new Bandwidth(0, 0),
                new ErrorMessage(
                        ErrorMessage.Code.NO_BANDWIDTH,
                        "no bandwidth left at this gateway: spend a credential (RequestSpend)"));
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

    // ---------------------------------------------------------------- version 3: paying for bandwidth

    @Test
    void linkKind_isVersion3() {
        assertEquals(3, GatewayMessage.VERSION);
        assertEquals("nym-gateway-client-v3", CellSizes.LINK_KIND);
    }

    @Test
    void decode_v3Messages_fieldsAsSent() {
        SpendOffer offer = (SpendOffer) GatewayMessage.decode(new SpendOffer(NONCE, BINDING, 1_048_576).encode());
        assertArrayEquals(NONCE, offer.nonce());
        assertArrayEquals(BINDING, offer.binding());
        assertEquals(1_048_576, offer.bytesPerNym());

        SpendCredential spend =
                (SpendCredential) GatewayMessage.decode(new SpendCredential(7, 0xffffffffL, NONCE, THETA).encode());
        assertEquals(7, spend.keyEpoch());
        assertEquals(0xffffffffL, spend.value(), "the whole u32 range");
        assertArrayEquals(NONCE, spend.nonce());
        assertArrayEquals(THETA, spend.theta());

        assertEquals(new Bandwidth(5, 9), GatewayMessage.decode(new Bandwidth(5, 9).encode()));
        assertEquals(
                new Authenticated(4, 2, Authenticated.UNMETERED),
                GatewayMessage.decode(new Authenticated(4, 2, Authenticated.UNMETERED).encode()));
        assertEquals(
                new Authenticated(0, 0, Long.MAX_VALUE),
                GatewayMessage.decode(new Authenticated(0, 0, Long.MAX_VALUE).encode()));
        assertEquals(new RequestSpend(), GatewayMessage.decode(new byte[] {GatewayMessage.TYPE_REQUEST_SPEND}));
    }

    @Test
    void encode_v3Messages_layoutAsTheReadmeSays() {
        assertArrayEquals(new byte[] {0x0b}, new RequestSpend().encode());
        assertArrayEquals(
                ByteBuffer.allocate(1 + 32 + 20 + 8)
                        .put((byte) 0x0c)
                        .put(NONCE)
                        .put(BINDING)
                        .putLong(1_048_576)
                        .array(),
                new SpendOffer(NONCE, BINDING, 1_048_576).encode());
        assertArrayEquals(
                ByteBuffer.allocate(1 + 8 + 4 + 32 + 4 + THETA.length)
                        .put((byte) 0x0d)
                        .putLong(2)
                        .putInt(10)
                        .put(NONCE)
                        .putInt(THETA.length)
                        .put(THETA)
                        .array(),
                new SpendCredential(2, 10, NONCE, THETA).encode());
        assertArrayEquals(
                ByteBuffer.allocate(17)
                        .put((byte) 0x0e)
                        .putLong(300)
                        .putLong(400)
                        .array(),
                new Bandwidth(300, 400).encode());
        assertArrayEquals(
                ByteBuffer.allocate(21)
                        .put((byte) 0x06)
                        .putInt(3)
                        .putLong(17)
                        .putLong(-1)
                        .array(),
                new Authenticated(3, 17, Authenticated.UNMETERED).encode());
        assertEquals(SpendOffer.encodedLength(), new SpendOffer(NONCE, BINDING, 1).encode().length);
        assertEquals(
                SpendCredential.encodedLength(THETA.length), new SpendCredential(1, 1, NONCE, THETA).encode().length);
        assertEquals(Bandwidth.encodedLength(), new Bandwidth(0, 0).encode().length);
        assertEquals(Authenticated.encodedLength(), new Authenticated(0, 0, 0).encode().length);
    }

    @Test
    void decode_badV3Fields_throwInvalidField() {
        List<byte[]> bad = List.of(
                ByteBuffer.allocate(61)
                        .put((byte) 0x0c)
                        .put(NONCE)
                        .put(BINDING)
                        .putLong(0)
                        .array(),
                ByteBuffer.allocate(61)
                        .put((byte) 0x0c)
                        .put(NONCE)
                        .put(BINDING)
                        .putLong(-5)
                        .array(),
                spendBytes(0, 10, 1),
                spendBytes(-1, 10, 1),
                spendBytes(Long.MIN_VALUE, 10, 1),
                spendBytes(1, 0, 1),
                spendBytes(1, 10, 0),
                spendBytes(1, 10, SpendCredential.MAX_THETA_BYTES + 1),
                ByteBuffer.allocate(17).put((byte) 0x0e).putLong(-1).putLong(0).array(),
                ByteBuffer.allocate(17).put((byte) 0x0e).putLong(0).putLong(-1).array(),
                ByteBuffer.allocate(17)
                        .put((byte) 0x0e)
                        .putLong(0)
                        .putLong(Long.MIN_VALUE)
                        .array(),
                ByteBuffer.allocate(21)
                        .put((byte) 0x06)
                        .putInt(0)
                        .putLong(0)
                        .putLong(-2)
                        .array(),
                ByteBuffer.allocate(21)
                        .put((byte) 0x06)
                        .putInt(0)
                        .putLong(0)
                        .putLong(Long.MIN_VALUE)
                        .array(),
                ByteBuffer.allocate(21)
                        .put((byte) 0x06)
                        .putInt(0)
                        .putLong(-1)
                        .putLong(0)
                        .array(),
                errorBytes(0),
                errorBytes(17));
        for (byte[] b : bad) {
            assertEquals(
                    GatewayProtocolException.Kind.INVALID_FIELD,
                    kindOf(() -> GatewayMessage.decode(b)),
                    HexFormat.of().formatHex(b, 0, Math.min(b.length, 24)));
        }
    }

    /** A SpendCredential's wire form with any field values, theta of {@code thetaBytes} bytes all present. */
    private static byte[] spendBytes(long keyEpoch, int value, int thetaBytes) {
        return ByteBuffer.allocate(SpendCredential.encodedLength(thetaBytes))
                .put((byte) GatewayMessage.TYPE_SPEND_CREDENTIAL)
                .putLong(keyEpoch)
                .putInt(value)
                .put(NONCE)
                .putInt(thetaBytes)
                .put(filled(thetaBytes, 4))
                .array();
    }

    /** An Error's wire form with code {@code wire} and the text "x". */
    private static byte[] errorBytes(int wire) {
        return ByteBuffer.allocate(6)
                .put((byte) GatewayMessage.TYPE_ERROR)
                .putShort((short) wire)
                .putShort((short) 1)
                .put((byte) 'x')
                .array();
    }

    @Test
    void constructors_badV3Fields_throwInvalidField() {
        for (Runnable r : List.<Runnable>of(
                () -> new SpendOffer(new byte[31], BINDING, 1),
                () -> new SpendOffer(new byte[33], BINDING, 1),
                () -> new SpendOffer(null, BINDING, 1),
                () -> new SpendOffer(NONCE, new byte[19], 1),
                () -> new SpendOffer(NONCE, new byte[32], 1),
                () -> new SpendOffer(NONCE, null, 1),
                () -> new SpendOffer(NONCE, BINDING, 0),
                () -> new SpendOffer(NONCE, BINDING, -1),
                () -> new SpendCredential(0, 1, NONCE, THETA),
                () -> new SpendCredential(-1, 1, NONCE, THETA),
                () -> new SpendCredential(1, 0, NONCE, THETA),
                () -> new SpendCredential(1, -1, NONCE, THETA),
                () -> new SpendCredential(1, 1L << 32, NONCE, THETA),
                () -> new SpendCredential(1, 1, new byte[31], THETA),
                () -> new SpendCredential(1, 1, null, THETA),
                () -> new SpendCredential(1, 1, NONCE, new byte[0]),
                () -> new SpendCredential(1, 1, NONCE, new byte[SpendCredential.MAX_THETA_BYTES + 1]),
                () -> new SpendCredential(1, 1, NONCE, null),
                () -> new Bandwidth(-1, 0),
                () -> new Bandwidth(0, -1),
                () -> new Authenticated(0, 0, -2),
                () -> new Authenticated(0, 0, Long.MIN_VALUE),
                () -> new Authenticated(1L << 32, 0, 0),
                () -> new Authenticated(0, -1, 0))) {
            assertEquals(GatewayProtocolException.Kind.INVALID_FIELD, kindOf(r));
        }
    }

    @Test
    void constructors_v3Bounds_accepted() {
        assertEquals(1, new SpendCredential(1, 1, NONCE, new byte[1]).theta().length);
        assertEquals(
                SpendCredential.MAX_THETA_BYTES,
                new SpendCredential(Long.MAX_VALUE, 0xffffffffL, NONCE, new byte[SpendCredential.MAX_THETA_BYTES])
                        .theta()
                        .length);
        assertEquals(1, new SpendOffer(NONCE, BINDING, 1).bytesPerNym());
        assertEquals(0, new Authenticated(0, 0, 0).bandwidth(), "a metered gateway's empty balance");
        assertEquals(0, new Bandwidth(0, 0).balance());
    }

    @Test
    void errorCodes_wireValues_areTheProtocolsNumbers() {
        List<ErrorMessage.Code> inOrder = List.of(
                ErrorMessage.Code.MALFORMED,
                ErrorMessage.Code.UNSUPPORTED_VERSION,
                ErrorMessage.Code.BAD_SIGNATURE,
                ErrorMessage.Code.KEY_MISMATCH,
                ErrorMessage.Code.NOT_AUTHENTICATED,
                ErrorMessage.Code.NOT_REGISTERED,
                ErrorMessage.Code.UNKNOWN_FIRST_HOP,
                ErrorMessage.Code.OVERLOADED,
                ErrorMessage.Code.WRONG_PACKET_SIZE,
                ErrorMessage.Code.UNEXPECTED_MESSAGE,
                ErrorMessage.Code.REGISTRATIONS_FULL,
                ErrorMessage.Code.NO_BANDWIDTH,
                ErrorMessage.Code.CREDENTIAL_INVALID,
                ErrorMessage.Code.DOUBLE_SPEND,
                ErrorMessage.Code.NONCE_INVALID,
                ErrorMessage.Code.LEDGER_UNAVAILABLE);
        assertEquals(ErrorMessage.Code.values().length, inOrder.size(), "every code listed");
        for (int i = 0; i < inOrder.size(); i++) {
            ErrorMessage.Code code = inOrder.get(i);
            assertEquals(i + 1, code.wire(), code.name());
            assertEquals(code, ((ErrorMessage) GatewayMessage.decode(errorBytes(i + 1))).code());
        }
    }

    @Test
    void pack_largestSpendCredentialAndFullAck_fitAnUplinkCell() {
        SpendCredential largest = new SpendCredential(3, 100, NONCE, filled(SpendCredential.MAX_THETA_BYTES, 4));
        Ack full = new Ack(new long[Ack.MAX_SEQS]);
        // The default network, and the smallest (a 64-byte payload: 482-byte packets, smaller than the spend).
        for (CellSizes sizes : List.of(SIZES, CellSizes.forNetwork(482, 64))) {
            List<GatewayMessage> back = Cells.unpack(Cells.pack(sizes.uplink(), largest, full), sizes.uplink());
            assertArrayEquals(largest.encode(), back.get(0).encode());
            assertEquals(full, back.get(1));
        }
        CellBuilder withSend = new CellBuilder(SIZES.uplink());
        withSend.add(new Send(filled(32, 5), filled(PACKET, 6)));
        assertFalse(withSend.tryAdd(largest), "a spend takes the place of a Send (the README says so)");
    }

    @Test
    void pack_spendOfferBandwidthOrAuthenticated_fitBesideTheLargestDeliver() {
        // The largest Delivered the downlink cell is sized for: 32 bytes beyond the payload (a real one uses 20).
        Deliver largest = new Deliver(Long.MAX_VALUE, delivered(PAYLOAD + CellSizes.DELIVERED_OVERHEAD - 20, 8));
        for (GatewayMessage answer : List.of(
                new SpendOffer(NONCE, BINDING, Long.MAX_VALUE),
                new Bandwidth(Long.MAX_VALUE, Long.MAX_VALUE),
                new Authenticated(0xffffffffL, Long.MAX_VALUE, Long.MAX_VALUE))) {
            List<GatewayMessage> back = Cells.unpack(Cells.pack(SIZES.downlink(), answer, largest), SIZES.downlink());
            assertArrayEquals(answer.encode(), back.get(0).encode(), answer.toString());
            assertArrayEquals(largest.encode(), back.get(1).encode());
        }
    }

    @Test
    void unpack_version2Cell_throwsUnsupportedVersion() {
        byte[] v2 = Cells.pack(SIZES.downlink(), new Authenticated(0, 0, 0));
        v2[0] = 2;
        assertEquals(
                GatewayProtocolException.Kind.UNSUPPORTED_VERSION, kindOf(() -> Cells.unpack(v2, SIZES.downlink())));
        byte[] v2Dummy = new byte[SIZES.uplink()];
        v2Dummy[0] = 2;
        assertEquals(
                GatewayProtocolException.Kind.UNSUPPORTED_VERSION, kindOf(() -> Cells.unpack(v2Dummy, SIZES.uplink())));
    }

    @Test
    void toString_carriesNoNonceOrTheta() {
        for (GatewayMessage m : List.of(new SpendOffer(NONCE, BINDING, 1), new SpendCredential(1, 1, NONCE, THETA))) {
            assertNoTraceOf(NONCE, m.toString());
            assertNoTraceOf(THETA, m.toString());
        }
    }

    /** Fails if {@code text} shows the start of {@code secret} as hex, base64 (either alphabet) or a Java array. */
    private static void assertNoTraceOf(byte[] secret, String text) {
        byte[] start = Arrays.copyOf(secret, 6);
        List<String> forms = List.of(
                HexFormat.of().formatHex(start),
                HexFormat.of().withUpperCase().formatHex(start),
                Base64.getEncoder().encodeToString(start),
                Base64.getUrlEncoder().encodeToString(start),
                Arrays.toString(start).substring(0, Arrays.toString(start).length() - 1));
        for (String form : forms) {
            assertFalse(text.contains(form), text + " shows " + form);
        }
    }

    @Test
    void errorText_printable_oneLineOfAscii() {
        ErrorMessage e = new ErrorMessage(ErrorMessage.Code.NO_BANDWIDTH, "no bandwidth\nforged line \u00e9\u0007");
        assertEquals("no bandwidth?forged line ??", e.printableText());
    }
}
