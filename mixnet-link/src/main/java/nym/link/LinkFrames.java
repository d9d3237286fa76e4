package nym.link;

/**
 * The wire format of a link: every frame is {@code length u16 (big-endian) | body[length]}.
 *
 * <ul>
 *   <li>Handshake (Noise_XK, empty payloads): message 1 initiator → responder, e + es, {@value #MESSAGE_1_BYTES}
 *       bytes; message 2 responder → initiator, e + ee, {@value #MESSAGE_2_BYTES} bytes; message 3 initiator →
 *       responder, encrypted s + se, {@value #MESSAGE_3_BYTES} bytes. Any other length is a garbled handshake.
 *   <li>Transport: body = ChaCha20-Poly1305(cell) = cell + {@value #TAG_BYTES}-byte tag, no associated data, nonce =
 *       number of cells sent in that direction. One body length per direction, so every transport frame an observer
 *       sees on a link kind has the same length.
 * </ul>
 *
 * The length prefix of a transport frame carries no information (it is constant); it lets a receiver refuse a frame
 * of the wrong size at once instead of misreading the stream.
 */
final class LinkFrames {

    static final String PROTOCOL = "Noise_XK_25519_ChaChaPoly_BLAKE2s";
    static final String PROLOGUE_LABEL = "nym-link/1 ";
    static final int LENGTH_BYTES = 2;
    static final int MAX_BODY = 65_535;
    static final int TAG_BYTES = 16;
    static final int MESSAGE_1_BYTES = 32 + TAG_BYTES;
    static final int MESSAGE_2_BYTES = 32 + TAG_BYTES;
    static final int MESSAGE_3_BYTES = 32 + TAG_BYTES + TAG_BYTES;

    private LinkFrames() {}
}
