package nym.gateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import nym.directory.api.Ed25519Identity;

/**
 * Client to gateway, type 0x01: "keep an inbox for me". Layout after version and type: {@code identityKey[32] |
 * timestampMillis i64 | signature[64]}, the Ed25519 signature by {@code identityKey} over {@link #signedBytes}:
 * {@code "nym-gateway-register-v1" | gatewayIdentityKey[32] | identityKey[32] | timestampMillis i64}. Naming the
 * gateway stops a registration being replayed to another gateway; the timestamp must be within the gateway's window.
 *
 * @param identityKey the client's Ed25519 public key; it is also the client identifier of its mixnet address
 * @param timestampMillis when the client signed, milliseconds since the epoch
 * @param signature 64 bytes
 */
public record Register(byte[] identityKey, long timestampMillis, byte[] signature) implements GatewayMessage {

    private static final byte[] CONTEXT = "nym-gateway-register-v1".getBytes(StandardCharsets.US_ASCII);

    public Register {
        identityKey = GatewayMessage.exact(identityKey, KEY_BYTES, "identityKey");
        signature = GatewayMessage.exact(signature, SIGNATURE_BYTES, "signature");
    }

    /** A registration signed now by {@code client} for the gateway whose identity key is {@code gatewayIdentityKey}. */
    public static Register sign(Ed25519Identity client, byte[] gatewayIdentityKey, long timestampMillis) {
        byte[] key = client.publicKey();
        return new Register(key, timestampMillis, client.sign(signedBytes(gatewayIdentityKey, key, timestampMillis)));
    }

    /** The exact bytes the signature covers. */
    public static byte[] signedBytes(byte[] gatewayIdentityKey, byte[] identityKey, long timestampMillis) {
        return ByteBuffer.allocate(CONTEXT.length + 2 * KEY_BYTES + Long.BYTES)
                .put(CONTEXT)
                .put(GatewayMessage.exact(gatewayIdentityKey, KEY_BYTES, "gatewayIdentityKey"))
                .put(GatewayMessage.exact(identityKey, KEY_BYTES, "identityKey"))
                .putLong(timestampMillis)
                .array();
    }

    /** True if the signature verifies for the gateway {@code gatewayIdentityKey}. */
    public boolean verifies(byte[] gatewayIdentityKey) {
        return Ed25519Identity.verify(
                identityKey, signedBytes(gatewayIdentityKey, identityKey, timestampMillis), signature);
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_REGISTER, 104)
                .bytes(identityKey)
                .i64(timestampMillis)
                .bytes(signature)
                .toBytes();
    }

    static Register read(WireReader in) {
        return new Register(
                in.bytes(KEY_BYTES, "identityKey"), in.i64("timestamp"), in.bytes(SIGNATURE_BYTES, "signature"));
    }
}
