package nym.gateway.api;

/**
 * Client to gateway, type 0x01: "keep an inbox for me". Layout: {@code clientId[32]}, the client's Ed25519 identity
 * key (its client id). The gateway answers with a fresh {@link Challenge}; the client proves it holds the key with a
 * {@link ChallengeResponse}. Only valid on a link whose Noise static key is the X25519 form of {@code clientId}.
 *
 * @param clientId the client's Ed25519 public key
 */
public record Register(byte[] clientId) implements GatewayMessage {

    public Register {
        clientId = GatewayMessage.exact(clientId, KEY_BYTES, "clientId");
    }

    @Override
    public byte[] clientId() {
        return clientId.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_REGISTER, KEY_BYTES).bytes(clientId).toBytes();
    }

    static Register read(WireReader in) {
        return new Register(in.bytes(KEY_BYTES, "clientId"));
    }

    @Override
    public String toString() {
        return "Register";
    }
}
