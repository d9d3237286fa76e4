package nym.mixnode.cryptoworker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import nym.sphinx.Destination;
import nym.sphinx.NodeAddress;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.ReplayTag;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    /** Real tags: the cache only takes what SphinxProcessor derives. */
    private static List<ReplayTag> tags(int n) throws Exception {
        SecureRandom random = new SecureRandom();
        NodeKeyPair node = NodeKeyPair.generate(random);
        PacketBuilder builder = new PacketBuilder(new SphinxParams(64), random);
        SphinxProcessor processor = new SphinxProcessor(new SphinxParams(64), node);
        List<ReplayTag> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] packet = builder.build(
                            List.of(new RouteHop(node.publicKey(), 0)),
                            Destination.of(NodeAddress.of(new byte[32])),
                            new byte[] {1})
                    .bytes();
            tags.add(processor.process(packet).replayTag());
        }
        return tags;
    }

    @Test
    void check_secondSight_isReplay() throws Exception {
        ReplayCache cache = new ReplayCache(100);
        List<ReplayTag> tags = tags(50);
        for (ReplayTag t : tags) {
            assertEquals(ReplayCache.Outcome.FRESH, cache.check(t));
        }
        for (ReplayTag t : tags) {
            assertEquals(ReplayCache.Outcome.REPLAY, cache.check(t));
        }
        assertEquals(50, cache.size());
    }

    @Test
    void check_whenFull_refusesNewTagsButStillRecognisesReplays() throws Exception {
        ReplayCache cache = new ReplayCache(3);
        List<ReplayTag> tags = tags(5);
        for (int i = 0; i < 3; i++) {
            assertEquals(ReplayCache.Outcome.FRESH, cache.check(tags.get(i)));
        }
        assertEquals(ReplayCache.Outcome.FULL, cache.check(tags.get(3)));
        assertEquals(ReplayCache.Outcome.FULL, cache.check(tags.get(4)));
        assertEquals(ReplayCache.Outcome.REPLAY, cache.check(tags.get(0)));
        assertEquals(3, cache.size());
    }

    @Test
    void capacity_outOfRange_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayCache(0));
    }
}
