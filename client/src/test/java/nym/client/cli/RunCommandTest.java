package nym.client.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nym.client.qos.LoopReport;
import nym.client.runtime.BandwidthStatus;
import nym.client.runtime.ClientStatus;
import nym.client.topology.Mixing;
import nym.client.traffic.TrafficCounters;
import nym.gateway.api.Authenticated;
import org.junit.jupiter.api.Test;

/** The line {@code nymclient run} prints: the bandwidth left at the gateway, in MiB, or unmetered. */
class RunCommandTest {

    private static ClientStatus status(BandwidthStatus bandwidth) {
        return new ClientStatus(
                "address",
                true,
                7,
                8,
                new Mixing(Duration.ofMillis(50), 2.0, 1.0, 1.0),
                List.of(1, 1, 1),
                0,
                0,
                new TrafficCounters().snapshot(),
                new LoopReport(0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of()),
                bandwidth);
    }

    @Test
    void report_meteredGateway_bandwidthLeftInMibAndRefusedPackets() {
        String line = RunCommand.report(status(new BandwidthStatus(3 * 1_048_576 / 2, 4, 1, 0)));

        assertTrue(line.endsWith(" bandwidth=1.5 MiB no_bandwidth=4"), line);
    }

    @Test
    void report_unmeteredGateway_saysSo() {
        String line = RunCommand.report(status(new BandwidthStatus(Authenticated.UNMETERED, 0, 0, 0)));

        assertTrue(line.contains(" bandwidth=unmetered "), line);
    }
}
