package nym.directory.api;

/**
 * A mix node's heartbeat ({@code POST /api/presence/mixnodes}).
 *
 * @param host where it listens for Sphinx packets, {@code host:port}
 * @param identityKey Ed25519 identity key (signs this request; bound to the node by its first accepted presence)
 * @param sphinxKey X25519 key that Sphinx packets for this node are encrypted to
 * @param layer its mix layer, 1..layers
 * @param version software version
 * @param location free text, e.g. a country
 */
public record MixnodePresence(
        String host, String identityKey, String sphinxKey, Integer layer, String version, String location) {}
