package nym.gateway.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict big-endian reading of one message: every read checks the bytes are there, {@link #end()} that none are left. */
final class WireReader {

    private final ByteBuffer in;

    WireReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    boolean hasRemaining() {
        return in.hasRemaining();
    }

    /** The next byte, not consumed (the caller checked {@link #hasRemaining()}). */
    int peekU8() {
        return in.get(in.position()) & 0xff;
    }

    /** True if every byte left is zero (cell padding); consumes them. */
    boolean restIsZero() {
        boolean zero = true;
        while (in.hasRemaining()) {
            zero &= in.get() == 0;
        }
        return zero;
    }

    int u8(String field) {
        need(1, field);
        return in.get() & 0xff;
    }

    int u16(String field) {
        need(2, field);
        return in.getShort() & 0xffff;
    }

    long u32(String field) {
        need(4, field);
        return in.getInt() & 0xffffffffL;
    }

    long i64(String field) {
        need(8, field);
        return in.getLong();
    }

    byte[] bytes(int length, String field) {
        need(length, field);
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    /** A u32 length then that many bytes; the length may not exceed what is left. */
    byte[] lengthPrefixed(String field) {
        long length = u32(field + " length");
        if (length > in.remaining()) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.TRUNCATED,
                    field + " announces " + length + " bytes, " + in.remaining() + " are left");
        }
        return bytes((int) length, field);
    }

    String utf8(int length, String field) {
        byte[] raw = bytes(length, field);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, field + " is not UTF-8");
        }
    }

    void end(String message) {
        if (in.hasRemaining()) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.TRAILING_BYTES,
                    in.remaining() + " bytes after the end of " + message);
        }
    }

    private void need(int n, String field) {
        if (in.remaining() < n) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.TRUNCATED,
                    field + " needs " + n + " bytes, " + in.remaining() + " are left");
        }
    }
}
