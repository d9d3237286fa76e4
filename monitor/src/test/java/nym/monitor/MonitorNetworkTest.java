package nym.monitor;

import static nym.client.network.TestClients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;
import nym.client.config.MixingOverride;
import nym.client.network.InProcessMixnet;
import nym.client.network.TestClients;
import nym.client.runtime.LoopListener;
import nym.client.runtime.MixnetClient;
import nym.directory.api.EpochDocument;
import nym.mixnode.lifecycle.MixNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's measurement on a real in-process mixnet (2 mix nodes per layer, 2 gateways): one ordinary client per
 * gateway, each made by {@code nymclient init} and started with a loop listener as {@link NetworkMonitor} starts them.
 * After one mix node stops, the loops sent from then on go through the {@link ReliabilityEstimator}: the stopped node
 * scores 0, every other node (its layer partner, the nodes it shared routes with, both gateways) at least 950.
 */
class MonitorNetworkTest {

    private static final EpochDocument.Mixing RATES = new EpochDocument.Mixing(5, 2.0, 10.0, 2.0);
    private static final ClientConfig.Traffic TRAFFIC =
            new ClientConfig.Traffic(MixingOverride.NONE, Duration.ofSeconds(2), 1000);
    private static final Duration MEASURED = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    /** Every loop sent after {@link #from}, with its outcome once known (what {@link LoopOutcomes} keeps per epoch). */
    private static final class Samples {
        final Map<String, RouteOutcome> outcomes = new ConcurrentHashMap<>();
        final Map<String, List<String>> pending = new ConcurrentHashMap<>();
        volatile long from = Long.MAX_VALUE;
        volatile long until = Long.MAX_VALUE;

        LoopListener listenerFor(int client) {
            return new LoopListener() {
                @Override
                public void sent(LoopSent loop) {
                    if (loop.sentAtMillis() >= from && loop.sentAtMillis() < until) {
                        List<String> nodes = new ArrayList<>(loop.mixIdentities());
                        nodes.add(loop.gatewayIdentity());
                        pending.put(client + "/" + loop.loopId(), nodes);
                    }
                }

                @Override
                public void returned(long loopId) {
                    finish(client + "/" + loopId, true);
                }

                @Override
                public void expired(long loopId) {
                    finish(client + "/" + loopId, false);
                }
            };
        }

        private void finish(String key, boolean back) {
            List<String> nodes = pending.remove(key);
            if (nodes != null) {
                outcomes.put(key, new RouteOutcome(nodes, back));
            }
        }
    }

    @Test
    void stoppedMixNode_scoresZeroWhileEveryOtherNodeStaysHigh() throws Exception {
        try (InProcessMixnet net = new InProcessMixnet(dir.resolve("nodes"), 2, 2, RATES)) {
            Samples samples = new Samples();
            List<MixnetClient> clients = new ArrayList<>();
            try {
                for (int g = 0; g < net.gateways.size(); g++) {
                    ClientHome home =
                            TestClients.init(net, dir.resolve("gateway-" + (g + 1)), net.gateways.get(g), TRAFFIC);
                    clients.add(MixnetClient.start(
                            home.readConfig(),
                            home.readKeys(),
                            gateway -> {
                                throw new IllegalStateException("the test's gateways do not charge");
                            },
                            samples.listenerFor(g)));
                }
                await(
                        "both clients' loops back",
                        () -> clients.stream()
                                .allMatch(c -> c.status().traffic().loopsReceived() > 0));

                MixNode stopped = net.mixnodes.get(3);
                stopped.close();
                samples.from = System.currentTimeMillis();
                Thread.sleep(MEASURED.toMillis());
                samples.until = System.currentTimeMillis();
                await("every sample back or given up", samples.pending::isEmpty);
            } finally {
                clients.forEach(MixnetClient::close);
            }

            List<RouteOutcome> outcomes = List.copyOf(samples.outcomes.values());
            Map<String, NodeScore> scores = new ReliabilityEstimator(5)
                    .estimate(outcomes).stream().collect(Collectors.toMap(NodeScore::identity, s -> s));
            System.out.println(outcomes.size() + " samples, "
                    + outcomes.stream().filter(RouteOutcome::returned).count() + " back; scores " + scores.values());
            assertEquals(8, scores.size(), "6 mix nodes and 2 gateways, each on enough routes");
            String stoppedId = InProcessMixnet.identity(net.mixnodes.get(3));
            assertEquals(0, scores.get(stoppedId).performance());
            scores.values().stream()
                    .filter(s -> !s.identity().equals(stoppedId))
                    .forEach(s -> assertTrue(s.performance() >= 950, s.toString()));
        }
    }
}
