package nym.mixnode.cryptoworker;

import nym.sphinx.ProcessResult;

/**
 * A packet a crypto worker has opened, with the epoch of the key that opened it: the next hop is checked against that
 * epoch's document (a packet built from the previous document, in flight across the boundary, is still routed).
 */
public record Opened<R extends ProcessResult>(long keyEpoch, R result) {}
