package nym.monitor;

import java.util.List;

/**
 * One test loop as the estimator sees it: the nodes it crossed (the mix nodes and the gateway, by identity key) and
 * whether it came back in time.
 */
public record RouteOutcome(List<String> nodes, boolean returned) {

    public RouteOutcome {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a route crosses at least one node");
        }
        if (nodes.stream().distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("a route crosses each node once");
        }
    }
}
