package nym.directory.api;

import java.util.List;

/**
 * A gateway's heartbeat ({@code POST /api/presence/gateways}).
 *
 * @param clientListener where clients connect, {@code host:port}
 * @param mixnetListener where mix nodes deliver packets, {@code host:port}; the node's address in the topology
 * @param identityKey Ed25519 identity key (signs this request)
 * @param sphinxKeys its Sphinx keys for the current epoch and the ones after it, each with proofs of possession
 * @param version software version
 * @param location free text
 */
public record GatewayPresence(
        String clientListener,
        String mixnetListener,
        String identityKey,
        List<AnnouncedKey> sphinxKeys,
        String version,
        String location) {}
