package nym.client.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nym.client.ClientException;
import nym.sphinx.SealedPayload;
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
    void encodeDecode_plainLoopAndDrop_roundTrip() {
        Envelope.Plain plain = assertInstanceOf(
                Envelope.Plain.class, Envelope.decode(Envelope.encode(new Envelope.Plain(new byte[] {7}))));
        assertArrayEquals(new byte[] {7}, plain.message());
        assertEquals(new Envelope.Loop(-5L), Envelope.decode(Envelope.encode(new Envelope.Loop(-5L))));
        assertEquals(new Envelope.Drop(), Envelope.decode(Envelope.encode(new Envelope.Drop())));
        assertEquals(9, Envelope.encode(new Envelope.Loop(1)).length);
    }

    @Test
    void decode_unknownKindTruncatedSurbOrWrongLength_refused() {
        byte[][] bad = {{}, {9, 1}, {Envelope.WITH_SURB, 1, 2}, {Envelope.LOOP, 1, 2}, new byte[10], {Envelope.DROP, 0}
        };
        bad[4][0] = Envelope.LOOP; // a loop id of 9 bytes
        for (byte[] b : bad) {
            ClientException e = assertThrows(ClientException.class, () -> Envelope.decode(b));
            assertEquals(ClientException.Kind.MESSAGE, e.kind());
        }
    }

    @Test
    void maxMessageSize_defaultParams_leavesRoomForSealKindAndSurb() {
        // 2048-byte payload: seal overhead 48, seal padding 1, kind 1
        assertEquals(1998, Envelope.maxMessageSize(SphinxParams.DEFAULT, false));
        assertEquals(SealedPayload.maxPlaintextSize(SphinxParams.DEFAULT) - 1, 1998);
        assertEquals(1998 - SphinxSizes.SURB, Envelope.maxMessageSize(SphinxParams.DEFAULT, true));
    }
}
