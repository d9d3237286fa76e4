package nym.client.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nym.client.ClientException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxSizes;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    @Test
    void encodeDecode_withSurb_roundTrip() {
        byte[] surb = new byte[SphinxSizes.SURB];
        surb[0] = 9;
        Envelope decoded = Envelope.decode(Envelope.encode(new Envelope.WithSurb(surb, new byte[] {1, 2})));
        Envelope.WithSurb w = assertInstanceOf(Envelope.WithSurb.class, decoded);
        assertArrayEquals(surb, w.surb());
        assertArrayEquals(new byte[] {1, 2}, w.message());
    }

    @Test
    void decode_unknownKindOrTruncatedSurb_refused() {
        for (byte[] bad : new byte[][] {{}, {9, 1}, {Envelope.WITH_SURB, 1, 2}}) {
            ClientException e = assertThrows(ClientException.class, () -> Envelope.decode(bad));
            assertEquals(ClientException.Kind.MESSAGE, e.kind());
        }
    }

    @Test
    void maxMessageSize_defaultParams_leavesRoomForKindAndSurb() {
        assertEquals(2030, Envelope.maxMessageSize(SphinxParams.DEFAULT, false));
        assertEquals(2030 - SphinxSizes.SURB, Envelope.maxMessageSize(SphinxParams.DEFAULT, true));
    }
}
