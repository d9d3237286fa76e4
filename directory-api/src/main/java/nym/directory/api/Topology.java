package nym.directory.api;

import java.util.List;

/**
 * {@code GET /api/presence/topology}: every node with a heartbeat inside the expiry window and not banned.
 *
 * @param generatedAt when this view was built, milliseconds since the epoch
 * @param expiryMillis how long after its last heartbeat a node leaves the topology
 * @param mixnodes one entry per layer 1..layers, in order, each possibly empty
 * @param gateways live gateways
 * @param validators live authorities and ledger nodes
 */
public record Topology(
        long generatedAt, long expiryMillis, List<Layer> mixnodes, List<Gateway> gateways, List<Validator> validators) {

    /** The mix nodes of one layer. */
    public record Layer(int layer, List<Mixnode> nodes) {}

    /** A live mix node; {@code lastSeen} in milliseconds since the epoch. */
    public record Mixnode(
            String host,
            String identityKey,
            String sphinxKey,
            int layer,
            String version,
            String location,
            long lastSeen) {}

    /** A live gateway. It names no clients: a client's address names its gateway (issue 17). */
    public record Gateway(
            String clientListener,
            String mixnetListener,
            String identityKey,
            String sphinxKey,
            String version,
            String location,
            long lastSeen) {}

    /** A live authority or ledger node. */
    public record Validator(
            String host,
            String identityKey,
            String type,
            String publicKey,
            String version,
            String location,
            long lastSeen) {}
}
