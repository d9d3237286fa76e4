package nym.gateway.api;

/**
 * Gateway to client, type 0x04: the registration is stored (no body). Registering again keeps the inbox. From now on
 * the client opens sessions with {@link Authenticate} on a link made with its key.
 */
public record Registered() implements GatewayMessage {

    @Override
    public byte[] encode() {
        return new WireWriter(TYPE_REGISTERED, 0).toBytes();
    }

    static Registered read(WireReader in) {
        return new Registered();
    }
}
