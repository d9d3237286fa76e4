package nym.directory.domain.node;

/**
 * A presence to store: the node as it announces itself and the signed timestamp of the request, which must be newer
 * than the node's last accepted one.
 */
public record SignedPresence(Node node, long signedAt) {}
