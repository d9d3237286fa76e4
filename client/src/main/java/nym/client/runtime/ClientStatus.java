package nym.client.runtime;

import java.util.List;
import nym.client.qos.LoopReport;
import nym.client.traffic.TrafficCounters;

/**
 * What a running client reports (CLI output and the local API's {@code stats}).
 *
 * @param address this client's mixnet address
 * @param gatewayConnected whether the gateway session is open now
 * @param topologyGeneratedAt when the topology in use was generated (ms since the epoch)
 * @param layerSizes mix nodes per layer in that topology
 * @param topologyFailures topology fetches that failed or were refused since start
 * @param queued real messages waiting for the message stream
 * @param traffic packets sent and received by kind
 * @param loops loop statistics
 */
public record ClientStatus(
        String address,
        boolean gatewayConnected,
        long topologyGeneratedAt,
        List<Integer> layerSizes,
        long topologyFailures,
        int queued,
        TrafficCounters.Snapshot traffic,
        LoopReport loops) {}
