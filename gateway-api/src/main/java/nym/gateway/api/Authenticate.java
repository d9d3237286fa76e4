package nym.gateway.api;

/**
 * Client to gateway, type 0x05: open the session of this link for a registered client. Layout: {@code clientId[32]}.
 * There is no secret in it: the gateway accepts only if the link's Noise static key (proved in the handshake) is the
 * X25519 form of {@code clientId}, and {@code clientId} is registered. A link carries one session.
 *
 * @param clientId the client identifier (its Ed25519 identity key)
 */
public record Authenticate(byte[] clientId) implements GatewayMessage {

    public Authenticate {
        clientId = GatewayMessage.exact(clientId, KEY_BYTES, "clientId");
    }

    @Override
    public byte[] clientId() {
        return clientId.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_AUTHENTICATE, KEY_BYTES).bytes(clientId).toBytes();
    }

    static Authenticate read(WireReader in) {
        return new Authenticate(in.bytes(KEY_BYTES, "clientId"));
    }

    @Override
    public String toString() {
        return "Authenticate";
    }
}
