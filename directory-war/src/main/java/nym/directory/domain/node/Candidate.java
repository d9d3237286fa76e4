package nym.directory.domain.node;

import nym.directory.api.AnnouncedKey;

/**
 * A node an epoch document may list: live, not banned, not left, admitted, with keys announced for the epoch and the
 * next one (each with the proofs the node sent; each authority checks its own).
 */
public record Candidate(Node node, AnnouncedKey key, AnnouncedKey nextKey) {}
