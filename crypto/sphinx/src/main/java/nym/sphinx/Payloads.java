package nym.sphinx;

import java.util.Arrays;
import java.util.Objects;

/**
 * Payload padding: a message becomes {@code message | 0x01 | 0x00...} filling the body exactly, so every packet carries
 * the same number of bytes; unpadding strips the zeros and the marker.
 */
public final class Payloads {

    static final byte MARKER = 0x01;

    private Payloads() {}

    /** Longest message a body of {@code bodySize} bytes can carry. */
    public static int maxMessageSize(int bodySize) {
        return bodySize - 1;
    }

    /**
     * Pads {@code message} to exactly {@code bodySize} bytes.
     *
     * @throws SphinxException {@link SphinxException.Kind#MESSAGE_TOO_LONG} when it does not fit
     */
    public static byte[] pad(byte[] message, int bodySize) throws SphinxException {
        byte[] out = new byte[bodySize];
        padInto(message, out, 0, bodySize);
        return out;
    }

    static void padInto(byte[] message, byte[] dst, int off, int bodySize) throws SphinxException {
        Objects.requireNonNull(message, "message");
        if (message.length > maxMessageSize(bodySize)) {
            throw new SphinxException(
                    SphinxException.Kind.MESSAGE_TOO_LONG,
                    "message of "
                            + message.length
                            + " bytes is longer than the "
                            + maxMessageSize(bodySize)
                            + " bytes a payload of this network can carry; split it");
        }
        System.arraycopy(message, 0, dst, off, message.length);
        dst[off + message.length] = MARKER;
        Arrays.fill(dst, off + message.length + 1, off + bodySize, (byte) 0);
    }

    /**
     * The message inside a padded body.
     *
     * @throws SphinxException {@link SphinxException.Kind#PAYLOAD_CORRUPTED} when there is no padding marker
     */
    public static byte[] unpad(byte[] body) throws SphinxException {
        return unpad(body, 0, body.length);
    }

    static byte[] unpad(byte[] src, int off, int len) throws SphinxException {
        int i = off + len - 1;
        while (i >= off && src[i] == 0) {
            i--;
        }
        if (i < off || src[i] != MARKER) {
            throw new SphinxException(SphinxException.Kind.PAYLOAD_CORRUPTED, "payload padding is missing");
        }
        return Arrays.copyOfRange(src, off, i);
    }
}
