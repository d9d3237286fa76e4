package nym.sphinx;

import static nym.sphinx.SphinxSizes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SphinxSizesTest {

    @Test
    void sizes_derived_matchDocumentedLayout() {
        assertEquals(32, ALPHA);
        assertEquals(16, GAMMA);
        assertEquals(58, ROUTING_INFO);
        assertEquals(ROUTING_INFO + GAMMA, HOP_BLOCK);
        assertEquals(74, HOP_BLOCK);
        assertEquals(MAX_HOPS * HOP_BLOCK, BETA);
        assertEquals(370, BETA);
        assertEquals(ALPHA + BETA + GAMMA, HEADER);
        assertEquals(418, HEADER);
        assertEquals(PAYLOAD_OFFSET, HEADER);
        assertEquals(HEADER + DEFAULT_PAYLOAD, SphinxParams.DEFAULT.packetSize());
        assertEquals(2466, SphinxParams.DEFAULT.packetSize());
        assertEquals(DEFAULT_PAYLOAD - PAYLOAD_ZERO_PREFIX - 1, SphinxParams.DEFAULT.maxMessageSize());
        assertEquals(ADDRESS + HEADER + LIONESS_KEY, SURB);
        assertEquals(HopCrypto.KEYS, 16 + 16 + 16 + LIONESS_KEY + 32 + REPLAY_TAG);
        assertEquals(ROUTING_INFO, RI_IDENTIFIER + IDENTIFIER);
    }

    @Test
    void builtPacket_anyRoute_hasDerivedLength() throws Exception {
        TestNetwork net = new TestNetwork(SphinxParams.DEFAULT, 1, 1);
        List<RouteHop> route = net.route(1);
        SphinxPacket p = net.builder.build(route, Destination.of(TestNetwork.address(1)), new byte[0]);
        assertEquals(HEADER + SphinxParams.DEFAULT.payloadSize(), p.bytes().length);
        SurbPair surb = net.builder.createSurb(route, TestNetwork.address(2));
        assertEquals(SURB, surb.surb().toBytes().length);
    }
}
