package nym.gateway.api;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The TCP framing of the client listener for blocking streams: each message is {@code length u32 | message[length]}
 * with {@code 1 <= length <=} {@link GatewayMessage#MAX_MESSAGE_BYTES}. (The gateway itself frames with Netty; this is
 * the same layout for plain {@code java.io} users such as clients and tests.)
 */
public final class GatewayFraming {

    private GatewayFraming() {}

    public static void write(OutputStream out, GatewayMessage message) throws IOException {
        byte[] body = message.encode();
        out.write(new byte[] {
            (byte) (body.length >>> 24), (byte) (body.length >>> 16), (byte) (body.length >>> 8), (byte) body.length
        });
        out.write(body);
        out.flush();
    }

    /**
     * Reads one framed message.
     *
     * @throws EOFException at the end of the stream (also inside a frame)
     * @throws GatewayProtocolException for a length out of range or a message that does not parse
     */
    public static GatewayMessage read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        long length = data.readInt() & 0xffffffffL;
        if (length < 1 || length > GatewayMessage.MAX_MESSAGE_BYTES) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.TOO_LARGE,
                    "frame length " + length + " outside 1.." + GatewayMessage.MAX_MESSAGE_BYTES);
        }
        byte[] body = new byte[(int) length];
        data.readFully(body);
        return GatewayMessage.decode(body);
    }
}
