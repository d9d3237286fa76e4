package nym.directory.api;

import java.util.List;

/**
 * {@code GET /api/presence/topology}: the registry's live view, for operators and the dashboard — every node with a
 * heartbeat inside the expiry window, not banned and not left. Not signed and not for routing: clients and nodes
 * route by the authorities' signed {@link EpochDocument}. Mix nodes have no layer here (the authorities assign layers
 * per epoch); each node shows the Sphinx key it announced for {@code epoch}.
 *
 * @param generatedAt when this view was built, milliseconds since the epoch
 * @param epoch the epoch the directory's clock is in; the Sphinx keys shown are those announced for it
 * @param expiryMillis how long after its last heartbeat a node leaves this view
 * @param mixnodes live mix nodes, by address
 * @param gateways live gateways
 * @param validators live authorities and ledger nodes
 */
public record Topology(
        long generatedAt,
        long epoch,
        long expiryMillis,
        List<Mixnode> mixnodes,
        List<Gateway> gateways,
        List<Validator> validators) {

    /**
     * A live mix node; {@code sphinxKey} null if it announced none for the epoch; {@code lastSeen} in milliseconds
     * since the epoch.
     */
    public record Mixnode(
            String host, String identityKey, String sphinxKey, String version, String location, long lastSeen) {}

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
