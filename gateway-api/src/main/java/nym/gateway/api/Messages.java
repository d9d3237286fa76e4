package nym.gateway.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Gateway to client, type 0x07: the answer to {@link Fetch}. Layout: {@code count u16 | count x Delivered}, see
 * {@link Delivered}; oldest first.
 *
 * @param messages 0..65535 messages
 */
public record Messages(List<Delivered> messages) implements GatewayMessage {

    public Messages {
        if (messages == null || messages.size() > 0xffff) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "a Messages answer holds 0..65535 messages");
        }
        messages = List.copyOf(messages);
    }

    @Override
    public byte[] encode() {
        int size = 2;
        for (Delivered d : messages) {
            size += d.encodedLength();
        }
        WireWriter out = new WireWriter(TYPE_MESSAGES, size).u16(messages.size());
        messages.forEach(d -> d.write(out));
        return out.toBytes();
    }

    static Messages read(WireReader in) {
        int count = in.u16("count");
        List<Delivered> messages = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            messages.add(Delivered.read(in));
        }
        return new Messages(messages);
    }
}
