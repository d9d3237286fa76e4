package nym.directory.api;

/**
 * A gateway's heartbeat ({@code POST /api/presence/gateways}).
 *
 * @param clientListener where clients connect, {@code host:port}
 * @param mixnetListener where mix nodes deliver packets, {@code host:port}; the node's address in the topology
 * @param identityKey Ed25519 identity key (signs this request)
 * @param sphinxKey X25519 Sphinx key
 * @param version software version
 * @param location free text
 */
public record GatewayPresence(
        String clientListener,
        String mixnetListener,
        String identityKey,
        String sphinxKey,
        String version,
        String location) {}
