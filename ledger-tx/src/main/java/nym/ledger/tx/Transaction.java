package nym.ledger.tx;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.SignedTx;
import nym.ledger.tx.proto.LedgerProto.TxBody;

/**
 * A decoded, signature-checked transaction: its CometBFT hash (SHA-256 of the raw bytes), the signer's address
 * recovered from the signature, and the body. Decoding is a pure function of the bytes.
 *
 * <p>Only the canonical encoding is accepted: the raw bytes must equal the re-serialisation of their own parse, at
 * both levels (SignedTx and TxBody), with no unknown field anywhere. Protobuf would otherwise accept many encodings
 * of one signed transaction (reordered or repeated fields, padded varints, unknown fields), and anyone relaying it
 * could change its hash — and every id derived from the hash, such as a deposit id — without the signer's key.
 */
public record Transaction(byte[] hash, byte[] sender, TxBody body) {

    /** Largest transaction accepted, in bytes. */
    public static final int MAX_TX_BYTES = 64 * 1024;

    /** Decodes and verifies; throws {@link LedgerException} (MALFORMED_TX or BAD_SIGNATURE). */
    public static Transaction decode(byte[] raw) {
        if (raw.length == 0) {
            throw new LedgerException(Kind.MALFORMED_TX, "empty transaction");
        }
        if (raw.length > MAX_TX_BYTES) {
            throw new LedgerException(Kind.MALFORMED_TX, "transaction larger than " + MAX_TX_BYTES + " bytes");
        }
        SignedTx signed = parseCanonical(ByteString.copyFrom(raw), SignedTx.parser(), "SignedTx");
        TxBody body = parseCanonical(signed.getBody(), TxBody.parser(), "TxBody");
        if (body.getKindCase() == TxBody.KindCase.KIND_NOT_SET) {
            throw new LedgerException(Kind.MALFORMED_TX, "transaction has no kind");
        }
        byte[] digest = Secp256k1.keccak256(signed.getBody().toByteArray());
        byte[] sender = Secp256k1.recoverAddress(digest, signed.getSignature().toByteArray());
        return new Transaction(sha256(raw), sender, body);
    }

    /**
     * Parses, then requires no unknown field at any depth and the message to serialise back to exactly
     * {@code bytes}: a reordered or repeated field, a default value written out or a padded varint make the two
     * differ.
     */
    static <T extends Message> T parseCanonical(ByteString bytes, Parser<T> parser, String what) {
        T message;
        try {
            message = parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException(Kind.MALFORMED_TX, "not a " + what + ": " + e.getMessage());
        }
        if (hasUnknownFields(message)) {
            throw new LedgerException(Kind.MALFORMED_TX, "unknown fields in " + what);
        }
        if (!message.toByteString().equals(bytes)) {
            throw new LedgerException(
                    Kind.MALFORMED_TX,
                    what
                            + " is not canonically encoded (reordered or repeated fields, written-out defaults or padded varints)");
        }
        return message;
    }

    private static boolean hasUnknownFields(Message m) {
        if (!m.getUnknownFields().asMap().isEmpty()) {
            return true;
        }
        for (Map.Entry<FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
            if (f.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            List<?> values = f.getKey().isRepeated() ? (List<?>) f.getValue() : List.of(f.getValue());
            for (Object v : values) {
                if (hasUnknownFields((Message) v)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
