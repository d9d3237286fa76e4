package nym.client.traffic;

import java.util.Arrays;
import nym.client.ClientException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxSizes;

/**
 * What a client puts inside a Sphinx message (cover packets use {@link nym.sphinx.CoverTraffic}'s own markers, which
 * never start with these kind bytes):
 *
 * <pre>
 * 0x01 | message                   a message
 * 0x02 | SURB (578 bytes) | message a message the recipient can answer once through the SURB
 * </pre>
 */
public sealed interface Envelope {

    byte PLAIN = 0x01;
    byte WITH_SURB = 0x02;

    byte[] message();

    /** A message. */
    record Plain(byte[] message) implements Envelope {}

    /** A message with a reply block. */
    record WithSurb(byte[] surb, byte[] message) implements Envelope {}

    /** Longest message a packet of {@code params} carries, with or without a SURB. */
    static int maxMessageSize(SphinxParams params, boolean withSurb) {
        return params.maxMessageSize() - 1 - (withSurb ? SphinxSizes.SURB : 0);
    }

    static byte[] encode(Envelope envelope) {
        if (envelope instanceof WithSurb w) {
            byte[] out = new byte[1 + SphinxSizes.SURB + w.message().length];
            out[0] = WITH_SURB;
            System.arraycopy(w.surb(), 0, out, 1, SphinxSizes.SURB);
            System.arraycopy(w.message(), 0, out, 1 + SphinxSizes.SURB, w.message().length);
            return out;
        }
        byte[] message = envelope.message();
        byte[] out = new byte[1 + message.length];
        out[0] = PLAIN;
        System.arraycopy(message, 0, out, 1, message.length);
        return out;
    }

    /**
     * @throws ClientException {@link ClientException.Kind#MESSAGE} for an unknown kind or a truncated SURB
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
        throw new ClientException(ClientException.Kind.MESSAGE, "not a client message (unknown kind or truncated)");
    }
}
