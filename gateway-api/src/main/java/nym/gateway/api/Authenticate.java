package nym.gateway.api;

import nym.directory.api.Keys;

/**
 * Client to gateway, type 0x03: open a session for a registered client. Layout: {@code clientId[32] | token[32] |
 * flags u8}; flag bit 0 ({@link #PUSH}) asks the gateway to push messages as they arrive (and the ones waiting at
 * once) instead of waiting for {@link Fetch}; other bits must be zero. A connection carries one client's session.
 *
 * @param clientId the client identifier (its identity key)
 * @param token from {@link Registered}; never in {@link #toString()}
 * @param push whether to push messages to this connection
 */
public record Authenticate(byte[] clientId, byte[] token, boolean push) implements GatewayMessage {

    public static final int PUSH = 0x01;

    public Authenticate {
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
        return new WireWriter(TYPE_AUTHENTICATE, 65)
                .bytes(clientId)
                .bytes(token)
                .u8(push ? PUSH : 0)
                .toBytes();
    }

    static Authenticate read(WireReader in) {
        byte[] clientId = in.bytes(KEY_BYTES, "clientId");
        byte[] token = in.bytes(KEY_BYTES, "token");
        int flags = in.u8("flags");
        if ((flags & ~PUSH) != 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "unknown Authenticate flags " + flags);
        }
        return new Authenticate(clientId, token, (flags & PUSH) != 0);
    }

    @Override
    public String toString() {
        return "Authenticate[clientId=" + Keys.encode(clientId) + ", push=" + push + "]";
    }
}
