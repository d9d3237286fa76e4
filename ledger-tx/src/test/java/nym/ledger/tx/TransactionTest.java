package nym.ledger.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.io.ByteArrayOutputStream;
import java.util.List;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.SignedTx;
import nym.ledger.tx.proto.LedgerProto.Transfer;
import nym.ledger.tx.proto.LedgerProto.TxBody;
import org.junit.jupiter.api.Test;

/** Only the canonical encoding of a signed transaction decodes, so nobody but the signer can change its hash. */
class TransactionTest {
    private static final Secp256k1.KeyPair ALICE = Secp256k1.KeyPair.fromSeed("alice");
    private static final byte[] BOB = Secp256k1.KeyPair.fromSeed("bob").address();
    private static final TxBuilder TX = new TxBuilder("nym-test");

    private static SignedTx parse(byte[] raw) {
        try {
            return SignedTx.parseFrom(raw);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A SignedTx whose signature is valid for {@code body} exactly as given (bypassing TxBuilder's check). */
    private static byte[] signedAsIs(byte[] body) {
        return SignedTx.newBuilder()
                .setBody(ByteString.copyFrom(body))
                .setSignature(ByteString.copyFrom(Secp256k1.sign(Secp256k1.keccak256(body), ALICE)))
                .build()
                .toByteArray();
    }

    private static void assertRefused(Kind kind, byte[] raw) {
        LedgerException e = assertThrows(LedgerException.class, () -> Transaction.decode(raw));
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void txBuilder_everyKind_isItsOwnCanonicalEncoding() {
        byte[] h32 = new byte[32];
        List<byte[]> txs = List.of(
                TX.transfer(ALICE, 0, BOB, 5),
                TX.pipeTransfer(ALICE, 1, h32, BOB, 5),
                TX.credentialRequest(ALICE, 2, 10, new byte[] {1}),
                TX.credentialDeposit(ALICE, 3, new byte[48], 10, new byte[] {2}),
                TX.verificationVote(ALICE, 4, h32, false),
                TX.bondNode(ALICE, 5, h32, nym.ledger.tx.proto.LedgerProto.NodeKind.NODE_GATEWAY, 100, new byte[64]),
                TX.unbondNode(ALICE, 6, h32),
                TX.delegate(ALICE, 7, h32, 3),
                TX.undelegate(ALICE, 8, h32, 2),
                TX.monitorReport(
                        ALICE,
                        9,
                        4,
                        List.of(nym.ledger.tx.proto.LedgerProto.NodeScore.newBuilder()
                                .setIdentityKey(com.google.protobuf.ByteString.copyFrom(h32))
                                .setPerformance(990)
                                .setSamples(12)
                                .build())));
        for (byte[] raw : txs) {
            assertArrayEquals(raw, parse(raw).toByteArray());
            assertArrayEquals(ALICE.address(), Transaction.decode(raw).sender());
        }
    }

    @Test
    void decode_fieldsReordered_refusedAsMalformed() {
        SignedTx s = parse(TX.transfer(ALICE, 0, BOB, 5));
        byte[] signatureFirst = concat(
                SignedTx.newBuilder().setSignature(s.getSignature()).build().toByteArray(),
                SignedTx.newBuilder().setBody(s.getBody()).build().toByteArray());
        assertArrayEquals(
                s.getBody().toByteArray(), parse(signatureFirst).getBody().toByteArray());
        assertRefused(Kind.MALFORMED_TX, signatureFirst);
    }

    @Test
    void decode_bodyFieldRepeated_refusedAsMalformed() {
        byte[] raw = TX.transfer(ALICE, 0, BOB, 5);
        byte[] junkBodyFirst = concat(new byte[] {0x0a, 1, 0x7f}, raw); // protobuf keeps the last body
        assertRefused(Kind.MALFORMED_TX, junkBodyFirst);
    }

    @Test
    void decode_paddedLengthVarint_refusedAsMalformed() {
        SignedTx s = parse(TX.transfer(ALICE, 0, BOB, 5));
        byte[] body = s.getBody().toByteArray();
        byte[] padded = concat(
                new byte[] {0x0a, (byte) (0x80 | body.length), 0x00},
                body,
                SignedTx.newBuilder().setSignature(s.getSignature()).build().toByteArray());
        assertArrayEquals(body, parse(padded).getBody().toByteArray());
        assertRefused(Kind.MALFORMED_TX, padded);
    }

    @Test
    void decode_unknownFieldInsideKind_refusedAsMalformed() {
        TxBody body = TxBody.newBuilder()
                .setChainId("nym-test")
                .setTransfer(Transfer.newBuilder()
                        .setTo(ByteString.copyFrom(BOB))
                        .setAmount(5)
                        .setUnknownFields(UnknownFieldSet.newBuilder()
                                .addField(
                                        99,
                                        UnknownFieldSet.Field.newBuilder()
                                                .addVarint(1)
                                                .build())
                                .build()))
                .build();
        assertRefused(Kind.MALFORMED_TX, signedAsIs(body.toByteArray()));
    }

    @Test
    void decode_defaultNonceWrittenOut_refusedAsMalformed() {
        byte[] body = parse(TX.transfer(ALICE, 0, BOB, 5)).getBody().toByteArray();
        assertRefused(Kind.MALFORMED_TX, signedAsIs(concat(body, new byte[] {0x10, 0x00})));
    }

    @Test
    void decode_ethereumStyleV27_refusedAsBadSignature() {
        SignedTx s = parse(TX.transfer(ALICE, 0, BOB, 5));
        byte[] sig = s.getSignature().toByteArray();
        sig[64] += 27;
        assertRefused(
                Kind.BAD_SIGNATURE,
                s.toBuilder().setSignature(ByteString.copyFrom(sig)).build().toByteArray());
    }

    @Test
    void sign_bodyWithUnknownFields_refusedAsInvalidArgument() {
        TxBody body = TxBody.newBuilder()
                .setChainId("nym-test")
                .setTransfer(
                        Transfer.newBuilder().setTo(ByteString.copyFrom(BOB)).setAmount(5))
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(
                                99,
                                UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                        .build())
                .build();
        LedgerException e = assertThrows(LedgerException.class, () -> TX.sign(ALICE, body));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
    }
}
