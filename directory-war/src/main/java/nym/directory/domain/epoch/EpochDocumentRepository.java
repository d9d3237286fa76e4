package nym.directory.domain.epoch;

import java.util.List;
import java.util.Optional;

/**
 * The epoch documents and the authorities' signatures of them (tables {@code epoch_document}, {@code epoch_signature}).
 * A document is written once and never changed; signatures are only added.
 */
public interface EpochDocumentRepository {

    /**
     * Stores the document of {@code epoch} unless one is stored already (another instance may have built it first).
     *
     * @return true if this call stored it
     */
    boolean insertIfAbsent(long epoch, byte[] body, int builtBy, long builtAt);

    /** The stored bytes of the document of {@code epoch}, if built. */
    Optional<byte[]> body(long epoch);

    /** The signatures stored for {@code epoch}, in the order they were stored. */
    List<EpochSignature> signatures(long epoch);

    /** Adds a signature unless this authority's is stored already. */
    void addSignature(long epoch, EpochSignature signature);

    /** Deletes the documents (and their signatures) of epochs before {@code epoch}; returns how many. */
    int deleteBefore(long epoch);
}
