package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the final hop (a gateway) gets is the same for a SURB reply and for a sealed message. */
class FinalDeliveryTest {

    @Test
    void finalResult_replyAndSealedMessage_sameLengthsAndNoDistinguishingField() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 310);
        NodeAddress alice = TestNetwork.address(0xA1);
        EncryptionKeyPair aliceKey = EncryptionKeyPair.generate(net.random);
        SurbPair surb = net.builder.createSurb(net.route(3), alice);

        ProcessResult.Final reply = net.deliver(surb.surb().reply(new byte[] {1}));
        byte[] sealed = SealedPayload.seal(SphinxParams.DEFAULT, aliceKey.publicKey(), new byte[] {1}, net.random);
        ProcessResult.Final message = net.deliver(net.builder.buildSealed(net.route(3), Destination.of(alice), sealed));

        assertEquals(reply.body().length, message.body().length);
        assertEquals(SphinxParams.DEFAULT.payloadSize(), message.body().length);
        assertEquals(reply.identifier().toBytes().length, message.identifier().toBytes().length);
        assertEquals(reply.destination(), message.destination());
        // the record has no reply flag or other marker: only these components
        assertEquals(
                List.of("destination", "identifier", "body", "delayNanos", "replayTag"),
                Arrays.stream(ProcessResult.Final.class.getRecordComponents())
                        .map(c -> c.getName())
                        .toList());
        // neither body shows the zero prefix the recipient checks
        assertFalse(Arrays.equals(new byte[16], Arrays.copyOf(message.body(), 16)));
        assertFalse(Arrays.equals(new byte[16], Arrays.copyOf(reply.body(), 16)));
        // only the recipient tells them apart: by the identifier, then by opening
        assertArrayEquals(new byte[] {1}, surb.secret().open(reply));
        assertArrayEquals(new byte[] {1}, SealedPayload.open(SphinxParams.DEFAULT, aliceKey, message.body()));
    }
}
