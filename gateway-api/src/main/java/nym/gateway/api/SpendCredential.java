package nym.gateway.api;

/**
 * Client to gateway, type 0x0d: spend a Coconut credential for bandwidth. Layout: {@code keyEpoch i64 | value u32 |
 * nonce[32] | length u32 | theta[length]}, {@code theta} the binary form of the shown credential Θ
 * ({@code nym.coconut.verification.Theta}), proven for the binding and nonce of the session's last
 * {@link SpendOffer}. Answered by {@link Bandwidth} (granted) or an {@link ErrorMessage} ({@code CREDENTIAL_INVALID},
 * {@code DOUBLE_SPEND}, {@code NONCE_INVALID}, {@code LEDGER_UNAVAILABLE}); a refusal changes no balance.
 *
 * @param keyEpoch the key epoch the credential was issued in (≥ 1)
 * @param value the credential's value in NYM (its public attribute, ≥ 1)
 * @param nonce the offer's nonce
 * @param theta Θ's bytes (1..{@value #MAX_THETA_BYTES}; not copied on read)
 */
public record SpendCredential(long keyEpoch, long value, byte[] nonce, byte[] theta) implements GatewayMessage {

    /** Θ of a three-attribute token is 419 bytes; this leaves room for larger tokens and still fits an uplink cell. */
    public static final int MAX_THETA_BYTES = 1024;

    public SpendCredential {
        if (keyEpoch < 1) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "keyEpoch must be ≥ 1");
        }
        if (value < 1 || value > 0xffffffffL) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "value must be a u32 ≥ 1");
        }
        nonce = GatewayMessage.exact(nonce, KEY_BYTES, "nonce");
        if (theta == null || theta.length == 0 || theta.length > MAX_THETA_BYTES) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "theta must be 1.." + MAX_THETA_BYTES + " bytes");
        }
    }

    /** Bytes a SpendCredential of a {@code thetaBytes}-byte Θ takes in a cell. */
    public static int encodedLength(int thetaBytes) {
        return 1 + 8 + 4 + KEY_BYTES + 4 + thetaBytes;
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_SPEND_CREDENTIAL, encodedLength(theta.length))
                .i64(keyEpoch)
                .u32(value)
                .bytes(nonce)
                .lengthPrefixed(theta)
                .toBytes();
    }

    static SpendCredential read(WireReader in) {
        return new SpendCredential(
                in.i64("keyEpoch"), in.u32("value"), in.bytes(KEY_BYTES, "nonce"), in.lengthPrefixed("theta"));
    }

    @Override
    public String toString() {
        return "SpendCredential[keyEpoch=" + keyEpoch + ", value=" + value + ", theta=" + theta.length + " bytes]";
    }
}
