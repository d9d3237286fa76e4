package nym.directory.application;

import nym.directory.api.AnnouncedKey;
import nym.directory.domain.node.NodeKind;

/**
 * A mix node or gateway that may be listed in an epoch's document: what it announced in its presence, including its
 * Sphinx keys for the epoch and the next with their proofs of possession.
 *
 * @param address a mix node's host, a gateway's mixnet listener ({@code host:port})
 * @param clientListener a gateway's client listener, null for a mix node
 */
public record EpochCandidate(
        NodeKind kind,
        String identityKey,
        String address,
        String clientListener,
        String version,
        String location,
        AnnouncedKey key,
        AnnouncedKey nextKey) {}
