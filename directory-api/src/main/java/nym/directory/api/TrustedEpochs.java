package nym.directory.api;

import java.util.HashSet;
import java.util.Set;

/**
 * What a client or node accepts as the network's epoch document: at least {@code t} valid signatures from distinct
 * pinned authority keys ({@link AuthoritySet}), an epoch not older than the newest it has accepted, and a validity
 * that has not passed. Signatures by keys it does not pin are ignored (they count for nothing). Thread-safe.
 */
public final class TrustedEpochs {

    private final AuthoritySet authorities;
    private long newestEpoch = Long.MIN_VALUE;

    public TrustedEpochs(AuthoritySet authorities) {
        this.authorities = authorities;
    }

    public AuthoritySet authorities() {
        return authorities;
    }

    /**
     * Checks {@code signed} and, when it passes, remembers its epoch as the newest held.
     *
     * @throws DirectoryException {@code NOT_ENOUGH_SIGNATURES} (fewer than t valid signatures of pinned keys, e.g.
     *     signed by unknown keys), {@code STALE_EPOCH} (older than the newest accepted), {@code EXPIRED} (past its
     *     validity), {@code JSON} (not a document)
     */
    public synchronized EpochDocument accept(SignedEpochDocument signed, long nowMillis) {
        byte[] bytes = signed.documentBytes();
        int valid = countValid(bytes, signed);
        if (valid < authorities.threshold()) {
            throw new DirectoryException(
                    DirectoryException.Kind.NOT_ENOUGH_SIGNATURES,
                    "epoch document has " + valid + " valid signature(s) of pinned authorities, "
                            + authorities.threshold() + " needed ("
                            + signed.signatures().size() + " present)");
        }
        EpochDocument document = Json.read(bytes, EpochDocument.class);
        if (document.epoch() < newestEpoch) {
            throw new DirectoryException(
                    DirectoryException.Kind.STALE_EPOCH,
                    "epoch " + document.epoch() + " is older than epoch " + newestEpoch + " already held");
        }
        if (!document.validAt(nowMillis)) {
            throw new DirectoryException(
                    DirectoryException.Kind.EXPIRED,
                    "epoch " + document.epoch() + " document expired at " + document.validUntilMillis() + " (now "
                            + nowMillis + ")");
        }
        newestEpoch = document.epoch();
        return document;
    }

    /** The newest epoch accepted so far; {@link Long#MIN_VALUE} before the first. */
    public synchronized long newestEpoch() {
        return newestEpoch;
    }

    private int countValid(byte[] bytes, SignedEpochDocument signed) {
        byte[] message = Signing.epochDocumentMessage(bytes);
        Set<String> counted = new HashSet<>();
        for (SignedEpochDocument.Signature s : signed.signatures()) {
            if (s == null || !authorities.keys().contains(s.authorityKey()) || counted.contains(s.authorityKey())) {
                continue;
            }
            if (Signing.verifies(s.authorityKey(), message, s.signature())) {
                counted.add(s.authorityKey());
            }
        }
        return counted.size();
    }
}
