package nym.ledger.tx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.SignedTx;
import nym.ledger.tx.proto.LedgerProto.TxBody;

/**
 * A decoded, signature-checked transaction: its CometBFT hash (SHA-256 of the raw bytes), the signer's address
 * recovered from the signature, and the body. Decoding is a pure function of the bytes, so results are cached
 * between CheckTx and FinalizeBlock.
 */
public record Transaction(byte[] hash, byte[] sender, TxBody body) {

    /** Largest transaction accepted, in bytes. */
    public static final int MAX_TX_BYTES = 64 * 1024;

    private static final int CACHE_SIZE = 200_000;
    private static final Map<String, Object> CACHE =
            Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** Decodes and verifies; throws {@link LedgerException} (MALFORMED_TX or BAD_SIGNATURE). */
    public static Transaction decode(byte[] raw) {
        byte[] hash = sha256(raw);
        String key = nym.ledger.Hex.lower(hash);
        Object cached = CACHE.get(key);
        if (cached instanceof Transaction t) {
            return t;
        }
        if (cached instanceof LedgerException e) {
            throw new LedgerException(e.kind(), e.getMessage());
        }
        try {
            Transaction t = decodeUncached(raw, hash);
            CACHE.put(key, t);
            return t;
        } catch (LedgerException e) {
            CACHE.put(key, e);
            throw e;
        }
    }

    private static Transaction decodeUncached(byte[] raw, byte[] hash) {
        if (raw.length == 0) {
            throw new LedgerException(Kind.MALFORMED_TX, "empty transaction");
        }
        if (raw.length > MAX_TX_BYTES) {
            throw new LedgerException(Kind.MALFORMED_TX, "transaction larger than " + MAX_TX_BYTES + " bytes");
        }
        SignedTx signed;
        TxBody body;
        try {
            signed = SignedTx.parseFrom(raw);
            body = TxBody.parseFrom(signed.getBody());
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException(Kind.MALFORMED_TX, "not a SignedTx: " + e.getMessage());
        }
        if (!signed.getUnknownFields().asMap().isEmpty()
                || !body.getUnknownFields().asMap().isEmpty()) {
            throw new LedgerException(Kind.MALFORMED_TX, "unknown fields in transaction");
        }
        if (body.getKindCase() == TxBody.KindCase.KIND_NOT_SET) {
            throw new LedgerException(Kind.MALFORMED_TX, "transaction has no kind");
        }
        byte[] digest = Secp256k1.keccak256(signed.getBody().toByteArray());
        byte[] sender = Secp256k1.recoverAddress(digest, signed.getSignature().toByteArray());
        return new Transaction(hash, sender, body);
    }

    public static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
