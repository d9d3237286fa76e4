package nym.directory.api;

import java.util.List;

/**
 * A mix node's heartbeat ({@code POST /api/presence/mixnodes}). The node does not choose its layer: the authorities
 * assign layers per epoch ({@link LayerAssignment}).
 *
 * @param host where it listens for Sphinx packets, {@code host:port}
 * @param identityKey Ed25519 identity key (signs this request; bound to the node by its first accepted presence)
 * @param sphinxKeys its Sphinx keys for the current epoch and the ones after it, each with proofs of possession
 * @param version software version
 * @param location free text, e.g. a country
 */
public record MixnodePresence(
        String host, String identityKey, List<AnnouncedKey> sphinxKeys, String version, String location) {}
