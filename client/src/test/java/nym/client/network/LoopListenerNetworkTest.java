package nym.client.network;

import static nym.client.network.TestClients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;
import nym.client.config.MixingOverride;
import nym.client.runtime.LoopListener;
import nym.client.runtime.MixnetClient;
import nym.directory.api.EpochDocument;
import nym.mixnode.lifecycle.MixNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop outcomes a {@link LoopListener} is told on a real in-process mixnet (one mix node per layer, one gateway):
 * every loop sent with its route (the three mix nodes, the client's gateway) and the document's epoch; the loops back,
 * each one that was sent; once a mix node stops, the loops given up after the timeout, each sent and never back.
 */
class LoopListenerNetworkTest {

    private static final EpochDocument.Mixing RATES = new EpochDocument.Mixing(5, 2.0, 10.0, 2.0);
    private static final ClientConfig.Traffic TRAFFIC =
            new ClientConfig.Traffic(MixingOverride.NONE, Duration.ofSeconds(2), 1000);

    @TempDir
    Path dir;

    /** What the listener heard, from the client's threads. */
    private static final class Recorded implements LoopListener {
        final Map<Long, LoopSent> sent = new ConcurrentHashMap<>();
        final Set<Long> returned = ConcurrentHashMap.newKeySet();
        final List<Long> expired = new CopyOnWriteArrayList<>();

        @Override
        public void sent(LoopSent loop) {
            sent.put(loop.loopId(), loop);
        }

        @Override
        public void returned(long loopId) {
            returned.add(loopId);
        }

        @Override
        public void expired(long loopId) {
            expired.add(loopId);
        }
    }

    @Test
    void listener_loopsSentWithTheirRouteReturnedAndOnceANodeStopsExpired() throws Exception {
        try (InProcessMixnet net = new InProcessMixnet(dir.resolve("nodes"), 1, 1, RATES)) {
            MixNode gateway = net.gateways.get(0);
            ClientHome home = TestClients.init(net, dir.resolve("client"), gateway, TRAFFIC);
            Recorded heard = new Recorded();
            try (MixnetClient client = MixnetClient.start(
                    home.readConfig(),
                    home.readKeys(),
                    g -> {
                        throw new IllegalStateException("the test's gateways do not charge");
                    },
                    heard)) {
                await("10 loops back", () -> heard.returned.size() >= 10);

                Set<String> mixes = Set.copyOf(
                        net.mixnodes.stream().map(InProcessMixnet::identity).toList());
                long epoch = client.status().epoch();
                for (LoopListener.LoopSent loop : heard.sent.values()) {
                    assertEquals(mixes, Set.copyOf(loop.mixIdentities()), "one node per layer, each layer once");
                    assertEquals(3, loop.mixIdentities().size());
                    assertEquals(InProcessMixnet.identity(gateway), loop.gatewayIdentity());
                    assertEquals(epoch, loop.epoch());
                }
                assertTrue(heard.sent.keySet().containsAll(heard.returned), "only loops sent come back");
                assertTrue(heard.expired.isEmpty(), "nothing lost on a working network: " + heard.expired);

                net.mixnodes.get(1).close();
                await("a loop given up", () -> !heard.expired.isEmpty());
                for (long id : heard.expired) {
                    assertTrue(heard.sent.containsKey(id), "an expired loop was sent");
                    assertTrue(!heard.returned.contains(id), "an expired loop never came back");
                }
            }
        }
    }
}
