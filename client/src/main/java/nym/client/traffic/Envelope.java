package nym.client.traffic;

import java.nio.ByteBuffer;
import java.util.Arrays;
import nym.client.ClientException;
import nym.sphinx.SealedPayload;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxSizes;

/**
 * What a client puts inside a payload: for a message, loop or drop the plaintext that {@link PacketFactory} seals to
 * the recipient's encryption key ({@link SealedPayload}), for a SURB reply the content the SURB carries. The kind is
 * inside the seal, so only the recipient sees it; on the way every packet is ciphertext of one size.
 *
 * <pre>
 * 0x01 | message                    a message
 * 0x02 | SURB (578 bytes) | message a message the recipient can answer once through the SURB
 * 0x03 | loop id u64                a loop cover packet, back to its sender
 * 0x04                              a drop cover packet (sealed to a random key: nobody opens it)
 * </pre>
 */
public sealed interface Envelope {

    byte PLAIN = 0x01;
    byte WITH_SURB = 0x02;
    byte LOOP = 0x03;
    byte DROP = 0x04;

    /** A message. */
    record Plain(byte[] message) implements Envelope {}

    /** A message with a reply block. */
    record WithSurb(byte[] surb, byte[] message) implements Envelope {}

    /** Loop cover: {@code id} is matched when it comes back. */
    record Loop(long id) implements Envelope {}

    /** Drop cover. */
    record Drop() implements Envelope {}

    /** Longest message a sealed packet of {@code params} carries, with or without a SURB. */
    static int maxMessageSize(SphinxParams params, boolean withSurb) {
        return SealedPayload.maxPlaintextSize(params) - 1 - (withSurb ? SphinxSizes.SURB : 0);
    }

    static byte[] encode(Envelope envelope) {
        if (envelope instanceof Plain p) {
            return ByteBuffer.allocate(1 + p.message().length)
                    .put(PLAIN)
                    .put(p.message())
                    .array();
        }
        if (envelope instanceof WithSurb w) {
            return ByteBuffer.allocate(1 + SphinxSizes.SURB + w.message().length)
                    .put(WITH_SURB)
                    .put(w.surb(), 0, SphinxSizes.SURB)
                    .put(w.message())
                    .array();
        }
        if (envelope instanceof Loop l) {
            return ByteBuffer.allocate(1 + Long.BYTES).put(LOOP).putLong(l.id()).array();
        }
        return new byte[] {DROP};
    }

    /**
     * @throws ClientException {@link ClientException.Kind#MESSAGE} for an unknown kind or a wrong length
     */
    static Envelope decode(byte[] bytes) {
        if (bytes.length >= 1 && bytes[0] == PLAIN) {
            return new Plain(Arrays.copyOfRange(bytes, 1, bytes.length));
        }
        if (bytes.length >= 1 + SphinxSizes.SURB && bytes[0] == WITH_SURB) {
            return new WithSurb(
                    Arrays.copyOfRange(bytes, 1, 1 + SphinxSizes.SURB),
                    Arrays.copyOfRange(bytes, 1 + SphinxSizes.SURB, bytes.length));
        }
        if (bytes.length == 1 + Long.BYTES && bytes[0] == LOOP) {
            return new Loop(ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong());
        }
        if (bytes.length == 1 && bytes[0] == DROP) {
            return new Drop();
        }
        throw new ClientException(ClientException.Kind.MESSAGE, "not a client message (unknown kind or wrong length)");
    }
}
