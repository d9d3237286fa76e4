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
     * The message inside the final body of a packet made by {@link PacketBuilder#build} ({@link
     * ProcessResult.Final#body()}): the recipient checks the zero prefix (any change on the way randomises the whole
     * body) and removes the padding. The final hop does neither, so that it cannot tell such a body from a SURB reply.
     *
     * @throws SphinxException {@link SphinxException.Kind#MALFORMED} for a body of another length than the network's
     *     payload, {@link SphinxException.Kind#PAYLOAD_CORRUPTED} when the integrity check or the padding fails
     */
    public static byte[] openFinal(SphinxParams params, byte[] body) throws SphinxException {
        Objects.requireNonNull(body, "body");
        if (body.length != params.payloadSize()) {
            throw new SphinxException(
                    SphinxException.Kind.MALFORMED,
                    "final body of " + body.length + " bytes, this network's payloads have " + params.payloadSize());
        }
        return checkAndUnpad(body);
    }

    /** The message of a decrypted innermost payload {@code 0^κ | padded message}, after its zero prefix is checked. */
    static byte[] checkAndUnpad(byte[] payload) throws SphinxException {
        int zero = 0;
        for (int i = 0; i < SphinxSizes.PAYLOAD_ZERO_PREFIX; i++) {
            zero |= payload[i];
        }
        if (zero != 0) {
            throw new SphinxException(SphinxException.Kind.PAYLOAD_CORRUPTED, "payload integrity check failed");
        }
        return unpad(payload, SphinxSizes.PAYLOAD_ZERO_PREFIX, payload.length - SphinxSizes.PAYLOAD_ZERO_PREFIX);
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
