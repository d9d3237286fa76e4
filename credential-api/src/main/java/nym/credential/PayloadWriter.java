package nym.credential;

import java.io.ByteArrayOutputStream;

/**
 * Writes {@code version ‖ type ‖ fields}: each blob has its own version; fields are prefixed by their length (one or
 * two bytes, big-endian) or have a fixed size (u64, big-endian).
 */
final class PayloadWriter {
    /** Upper bound of any blob, far above the token's sizes (Λ 435, Θ 419 bytes): refuses junk before parsing. */
    static final int MAX_BYTES = 4096;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PayloadWriter(byte version, byte type) {
        out.write(version);
        out.write(type);
    }

    PayloadWriter u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    PayloadWriter shortField(byte[] field) {
        if (field.length > 0xff) {
            throw new IllegalArgumentException("field longer than 255 bytes");
        }
        out.write(field.length);
        out.writeBytes(field);
        return this;
    }

    PayloadWriter longField(byte[] field) {
        if (field.length > 0xffff) {
            throw new IllegalArgumentException("field longer than 65535 bytes");
        }
        out.write(field.length >>> 8);
        out.write(field.length);
        out.writeBytes(field);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
