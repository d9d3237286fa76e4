package nym.gateway.api;

/**
 * Gateway to client, type 0x08: a message delivered as it arrived, on a session opened with {@link Authenticate#PUSH}.
 * Layout: one {@link Delivered}. The gateway removes it from the inbox once the frame is written to the connection.
 */
public record Push(Delivered message) implements GatewayMessage {

    public Push {
        if (message == null) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, "message is missing");
        }
    }

    @Override
    public byte[] encode() {
        WireWriter out = new WireWriter(TYPE_PUSH, message.encodedLength());
        message.write(out);
        return out.toBytes();
    }

    static Push read(WireReader in) {
        return new Push(Delivered.read(in));
    }
}
