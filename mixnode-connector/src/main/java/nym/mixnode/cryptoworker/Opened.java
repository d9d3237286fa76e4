package nym.mixnode.cryptoworker;

import nym.sphinx.ProcessResult;

/** A processed packet and the epoch of the Sphinx key that opened it (its next hop is checked in that epoch). */
public record Opened<R extends ProcessResult>(long keyEpoch, R result) {}
