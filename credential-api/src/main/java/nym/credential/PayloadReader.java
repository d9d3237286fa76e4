package nym.credential;

import java.util.Arrays;
import nym.credential.PayloadException.Kind;

/**
 * Reads the framing shared by the ledger blobs: {@code version ‖ type ‖ fields}, every field length-prefixed or of
 * fixed size. Strict: the header must match, each length must lie in its bounds and fit the bytes left, nothing may
 * trail. The type is checked before the version, so a blob of another kind is named as such whatever its version.
 */
final class PayloadReader {
    private final byte[] bytes;
    private int position;

    private PayloadReader(byte[] bytes) {
        this.bytes = bytes;
    }

    static PayloadReader open(byte[] bytes, byte version, byte type, String what) throws PayloadException {
        if (bytes == null) {
            throw new PayloadException(Kind.MALFORMED, "no " + what);
        }
        if (bytes.length > PayloadWriter.MAX_BYTES) {
            throw new PayloadException(
                    Kind.MALFORMED, what + " of " + bytes.length + " bytes exceeds " + PayloadWriter.MAX_BYTES);
        }
        if (bytes.length < 2) {
            throw new PayloadException(Kind.MALFORMED, what + " shorter than its header");
        }
        if (bytes[1] != type) {
            throw new PayloadException(Kind.WRONG_TYPE, "not a " + what + " (type " + (bytes[1] & 0xff) + ")");
        }
        if (bytes[0] != version) {
            throw new PayloadException(
                    Kind.UNSUPPORTED_VERSION,
                    what + " version " + (bytes[0] & 0xff) + " is not read here (only version " + version + ")");
        }
        PayloadReader r = new PayloadReader(bytes);
        r.position = 2;
        return r;
    }

    /** An unsigned 64-bit big-endian field, refused (MALFORMED) above {@link Long#MAX_VALUE}. */
    long u64(String name) throws PayloadException {
        if (bytes.length - position < Long.BYTES) {
            throw new PayloadException(Kind.MALFORMED, "truncated " + name);
        }
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (bytes[position++] & 0xff);
        }
        if (value < 0) {
            throw new PayloadException(Kind.MALFORMED, name + " above " + Long.MAX_VALUE);
        }
        return value;
    }

    /** A field with a one-byte length in [min, max]. */
    byte[] shortField(String name, int min, int max) throws PayloadException {
        return field(name, 1, min, max);
    }

    /** A field with a two-byte big-endian length in [min, max]. */
    byte[] longField(String name, int min, int max) throws PayloadException {
        return field(name, 2, min, max);
    }

    private byte[] field(String name, int lengthBytes, int min, int max) throws PayloadException {
        if (bytes.length - position < lengthBytes) {
            throw new PayloadException(Kind.MALFORMED, "truncated before the length of " + name);
        }
        int length = 0;
        for (int i = 0; i < lengthBytes; i++) {
            length = (length << 8) | (bytes[position++] & 0xff);
        }
        if (length < min || length > max) {
            throw new PayloadException(
                    Kind.MALFORMED, name + " of " + length + " bytes outside [" + min + ", " + max + "]");
        }
        if (bytes.length - position < length) {
            throw new PayloadException(Kind.MALFORMED, "truncated " + name);
        }
        byte[] field = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return field;
    }

    void end() throws PayloadException {
        if (position != bytes.length) {
            throw new PayloadException(Kind.MALFORMED, (bytes.length - position) + " trailing bytes");
        }
    }
}
