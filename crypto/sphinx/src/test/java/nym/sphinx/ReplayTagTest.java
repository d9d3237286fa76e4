package nym.sphinx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayTagTest {

    @Test
    void process_samePacketTwice_sameReplayTagAndSameResult() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 30);
        List<RouteHop> route = net.route(3);
        byte[] packet = net.builder
                .build(route, Destination.of(TestNetwork.address(9)), new byte[] {7})
                .bytes();
        SphinxProcessor first = net.processorFor(route.get(0).address());
        ProcessResult.Forward a = (ProcessResult.Forward) first.process(packet);
        ProcessResult.Forward b = (ProcessResult.Forward) first.process(packet.clone());
        assertEquals(a.replayTag(), b.replayTag());
        assertArrayEquals(a.packet(), b.packet());
        // and at the next hop too
        SphinxProcessor second = net.processorFor(route.get(1).address());
        assertEquals(
                second.process(a.packet()).replayTag(),
                second.process(b.packet()).replayTag());
    }

    @Test
    void process_differentPackets_differentReplayTags() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 1, 31);
        SphinxProcessor node = net.processorFor(net.nodes.get(0).address());
        Set<ReplayTag> tags = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] p = net.builder
                    .build(net.route(1), Destination.of(TestNetwork.address(9)), new byte[] {1})
                    .bytes();
            tags.add(node.process(p).replayTag());
        }
        assertEquals(200, tags.size());
    }

    @Test
    void process_samePacketAtEachHop_tagsDifferPerHop() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 3, 32);
        SphinxPacket p = net.builder.build(net.route(3), Destination.of(TestNetwork.address(9)), new byte[] {1});
        Set<ReplayTag> tags = new HashSet<>();
        byte[] bytes = p.bytes();
        NodeAddress at = p.firstHop();
        for (int i = 0; i < 3; i++) {
            ProcessResult r = net.processorFor(at).process(bytes);
            tags.add(r.replayTag());
            if (r instanceof ProcessResult.Forward f) {
                bytes = f.packet();
                at = f.nextHop();
            }
        }
        assertEquals(3, tags.size());
    }
}
