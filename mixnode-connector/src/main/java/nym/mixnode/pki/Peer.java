package nym.mixnode.pki;

import nym.sphinx.NodeAddress;

/**
 * A node of the current topology as a next hop: its Sphinx address, where to connect ({@code host:port}: a mix
 * node's {@code host}, a gateway's {@code mixnetListener}) and its position (layer 1..n; gateways are layer n + 1).
 */
public record Peer(NodeAddress address, String hostPort, int layer, String identityKey) {

    public String host() {
        return hostPort.substring(0, hostPort.lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }
}
