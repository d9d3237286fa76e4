package nym.sphinx;

import java.util.Objects;

/**
 * One hop of a route: the node and the delay (ns) the sender asks it to hold the packet before forwarding (or, at the
 * final hop, before delivering).
 */
public record RouteHop(NodePublicKey node, long delayNanos) {

    public RouteHop {
        Objects.requireNonNull(node, "node");
        if (delayNanos < 0) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    public NodeAddress address() {
        return node.address();
    }
}
