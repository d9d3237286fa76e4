package nym.gateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import nym.directory.api.Ed25519Identity;

/**
 * Client to gateway, type 0x03: proof that the client holds the identity key it registers. Layout:
 * {@code signature[64]}, Ed25519 (RFC 8032) by the client's identity key over {@link #signedBytes}: {@code
 * "nym-gateway-register-v2" | challenge[32] | handshakeHash[32] | gatewayIdentityKey[32]}. The challenge is fresh per
 * attempt, the Noise handshake hash is unique to this link and the gateway key names the gateway, so a response is
 * worth nothing on another link, to another gateway, or a second time.
 *
 * @param signature 64 bytes
 */
public record ChallengeResponse(byte[] signature) implements GatewayMessage {

    private static final byte[] CONTEXT = "nym-gateway-register-v2".getBytes(StandardCharsets.US_ASCII);

    public ChallengeResponse {
        signature = GatewayMessage.exact(signature, SIGNATURE_BYTES, "signature");
    }

    /** The response of {@code client} to {@code challenge} on the link with {@code handshakeHash}. */
    public static ChallengeResponse sign(
            Ed25519Identity client, byte[] challenge, byte[] handshakeHash, byte[] gatewayIdentityKey) {
        return new ChallengeResponse(client.sign(signedBytes(challenge, handshakeHash, gatewayIdentityKey)));
    }

    /** The exact bytes the signature covers. */
    public static byte[] signedBytes(byte[] challenge, byte[] handshakeHash, byte[] gatewayIdentityKey) {
        return ByteBuffer.allocate(CONTEXT.length + 3 * KEY_BYTES)
                .put(CONTEXT)
                .put(GatewayMessage.exact(challenge, KEY_BYTES, "challenge"))
                .put(GatewayMessage.exact(handshakeHash, KEY_BYTES, "handshakeHash"))
                .put(GatewayMessage.exact(gatewayIdentityKey, KEY_BYTES, "gatewayIdentityKey"))
                .array();
    }

    /** True if the signature is {@code clientId}'s over this challenge, link and gateway. */
    public boolean verifies(byte[] clientId, byte[] challenge, byte[] handshakeHash, byte[] gatewayIdentityKey) {
        return Ed25519Identity.verify(clientId, signedBytes(challenge, handshakeHash, gatewayIdentityKey), signature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_CHALLENGE_RESPONSE, SIGNATURE_BYTES)
                .bytes(signature)
                .toBytes();
    }

    static ChallengeResponse read(WireReader in) {
        return new ChallengeResponse(in.bytes(SIGNATURE_BYTES, "signature"));
    }

    @Override
    public String toString() {
        return "ChallengeResponse";
    }
}
