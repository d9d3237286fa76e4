package nym.mixnode.keys;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import nym.sphinx.NodeKeyPair;

/**
 * STAND-IN for engineer MK's key ring (same signatures for {@link #advance}, {@link #announced}, {@link #currentEpoch}),
 * so that the PKI side compiles and runs before MK's branch is merged: keys by epoch, in memory only (MK's persists
 * them in {@code <home>/keys/sphinx/}). The integrator keeps MK's version.
 */
public final class SphinxKeyRing {

    /** A Sphinx key pair for one epoch. */
    public record EpochKey(long epoch, NodeKeyPair pair) {}

    private final SecureRandom random;
    private final TreeMap<Long, NodeKeyPair> keys = new TreeMap<>();
    private long currentEpoch = Long.MIN_VALUE;
    private long previousExpiresAt;

    public SphinxKeyRing(SecureRandom random) {
        this.random = random;
    }

    /** Keys for currentEpoch..currentEpoch+2; the previous one kept until {@code previousKeyExpiresAtMillis}. */
    public synchronized void advance(long currentEpoch, long previousKeyExpiresAtMillis, long epochMillis) {
        this.currentEpoch = currentEpoch;
        this.previousExpiresAt = previousKeyExpiresAtMillis;
        for (long e = currentEpoch; e <= currentEpoch + 2; e++) {
            keys.computeIfAbsent(e, x -> NodeKeyPair.generate(random));
        }
        keys.headMap(currentEpoch - 1).clear();
        if (System.currentTimeMillis() >= previousKeyExpiresAtMillis) {
            keys.remove(currentEpoch - 1);
        }
    }

    /** The keys of currentEpoch..currentEpoch+2; empty before the first {@link #advance}. */
    public synchronized List<EpochKey> announced() {
        List<EpochKey> out = new ArrayList<>();
        keys.tailMap(currentEpoch, true).forEach((e, k) -> out.add(new EpochKey(e, k)));
        return out;
    }

    /** The keys to try on a packet: current, previous (while in grace), next. */
    public synchronized List<EpochKey> held() {
        List<EpochKey> out = new ArrayList<>();
        for (long e : new long[] {currentEpoch, currentEpoch - 1, currentEpoch + 1}) {
            NodeKeyPair k = keys.get(e);
            if (k != null && (e != currentEpoch - 1 || System.currentTimeMillis() < previousExpiresAt)) {
                out.add(new EpochKey(e, k));
            }
        }
        return out;
    }

    public synchronized long currentEpoch() {
        return currentEpoch;
    }
}
