package nym.mixnode.pki;

import nym.sphinx.NodeAddress;

/**
 * A node of the current topology as a next hop: its Sphinx address, where to connect ({@code host:port}: a mix
 * node's {@code host}, a gateway's {@code mixnetListener}), its position (layer 1..n; gateways are layer n + 1), its
 * identity key as published, and the X25519 form of that key, which its mix links authenticate
 * ({@link nym.link.LinkKeys#x25519PublicKey}).
 */
public record Peer(NodeAddress address, String hostPort, int layer, String identityKey, byte[] linkKey) {

    public Peer {
        linkKey = linkKey.clone();
    }

    @Override
    public byte[] linkKey() {
        return linkKey.clone();
    }

    public String host() {
        return hostPort.substring(0, hostPort.lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }
}
