package nym.gateway.api;

import nym.directory.api.Keys;

/**
 * Gateway to client, type 0x02: the answer to {@link Register}. Layout: {@code clientId[32] | token[32]}. A new
 * registration of the same key replaces the previous token; the inbox and its messages stay.
 *
 * @param clientId the client identifier (equal to the registered identity key)
 * @param token the authentication token for {@link Authenticate}; a secret, never in {@link #toString()}
 */
public record Registered(byte[] clientId, byte[] token) implements GatewayMessage {

    public Registered {
        clientId = GatewayMessage.exact(clientId, KEY_BYTES, "clientId");
        token = GatewayMessage.exact(token, KEY_BYTES, "token");
    }

    @Override
    public byte[] clientId() {
        return clientId.clone();
    }

    @Override
    public byte[] token() {
        return token.clone();
    }

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_REGISTERED, 64).bytes(clientId).bytes(token).toBytes();
    }

    static Registered read(WireReader in) {
        return new Registered(in.bytes(KEY_BYTES, "clientId"), in.bytes(KEY_BYTES, "token"));
    }

    @Override
    public String toString() {
        return "Registered[clientId=" + Keys.encode(clientId) + "]";
    }
}
