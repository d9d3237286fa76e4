package nym.client.runtime;

import java.util.List;
import nym.client.qos.LoopReport;
import nym.client.topology.Mixing;
import nym.client.traffic.TrafficCounters;

/**
 * What a running client reports (CLI output and the local API's {@code stats}).
 *
 * @param address this client's mixnet address
 * @param gatewayConnected whether the gateway session is open now
 * @param epoch the epoch whose signed document the client routes over
 * @param epochValidUntil when that document stops being usable (ms since the Unix epoch)
 * @param mixing the mixing parameters in use (the document's, with the configured overrides)
 * @param layerSizes mix nodes per layer in that document
 * @param topologyFailures document fetches that failed or were refused, and moments without a valid document, since
 *     start
 * @param queued real messages waiting for the message stream
 * @param traffic packets sent and received by kind
 * @param loops loop statistics
 * @param bandwidth the bandwidth left at the gateway and the payments made
 */
public record ClientStatus(
        String address,
        boolean gatewayConnected,
        long epoch,
        long epochValidUntil,
        Mixing mixing,
        List<Integer> layerSizes,
        long topologyFailures,
        int queued,
        TrafficCounters.Snapshot traffic,
        LoopReport loops,
        BandwidthStatus bandwidth) {}
