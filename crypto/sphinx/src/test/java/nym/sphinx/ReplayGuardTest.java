package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay check sits between γ and the rest of the hop: consulted once, only for packets whose γ verified. */
class ReplayGuardTest {

    private final TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 2, 40);
    private final List<ReplayTag> asked = new ArrayList<>();

    private byte[] packet() throws SphinxException {
        return net.builder
                .build(net.route(2), Destination.of(TestNetwork.address(9)), new byte[] {5})
                .bytes();
    }

    private SphinxProcessor firstHop() {
        return net.processorFor(net.nodes.get(0).address());
    }

    @Test
    void process_guardAccepts_consultedOnceWithTheResultsTag() throws Exception {
        ProcessResult result = firstHop().process(packet(), tag -> asked.add(tag));

        assertEquals(List.of(result.replayTag()), asked);
        assertInstanceOf(ProcessResult.Forward.class, result);
    }

    @Test
    void process_guardRefuses_throwsReplayAndProducesNothing() throws Exception {
        byte[] packet = packet();
        ReplayTag fresh = firstHop().process(packet).replayTag();

        SphinxException e =
                assertThrows(SphinxException.class, () -> firstHop().process(packet, tag -> asked.add(tag) && false));

        assertEquals(SphinxException.Kind.REPLAY, e.kind());
        assertEquals(List.of(fresh), asked);
    }

    @Test
    void process_gammaFails_guardNeverConsulted() throws Exception {
        byte[] packet = packet();
        packet[SphinxSizes.BETA_OFFSET] ^= 1;

        SphinxException e =
                assertThrows(SphinxException.class, () -> firstHop().process(packet, tag -> asked.add(tag)));

        assertEquals(SphinxException.Kind.MAC_MISMATCH, e.kind());
        assertTrue(asked.isEmpty());
    }

    @Test
    void process_packetForAnotherNode_guardNeverConsulted() throws Exception {
        byte[] packet = packet();
        SphinxProcessor secondHop = net.processorFor(net.nodes.get(1).address());

        assertThrows(SphinxException.class, () -> secondHop.process(packet, tag -> asked.add(tag)));

        assertTrue(asked.isEmpty());
    }

    @Test
    void process_sameGuardTwice_secondRefusedAsReplay() throws Exception {
        byte[] packet = packet();
        java.util.Set<ReplayTag> seen = new java.util.HashSet<>();

        firstHop().process(packet, seen::add);
        SphinxException e = assertThrows(SphinxException.class, () -> firstHop().process(packet, seen::add));

        assertEquals(SphinxException.Kind.REPLAY, e.kind());
    }
}
