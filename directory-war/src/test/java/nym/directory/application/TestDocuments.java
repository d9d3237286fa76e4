package nym.directory.application;

import java.util.List;
import java.util.Optional;
import nym.directory.api.EpochDocument;
import nym.directory.api.testing.TestAuthorities;

/**
 * The rules the document tests share, an authority's builder under them, and copies of a document with one part
 * changed (a record has no withers).
 */
final class TestDocuments {

    static final long EPOCH = 500_000;
    static final EpochRules RULES =
            new EpochRules(EpochSchedule.ofSeconds(3600), "testnet", 3, new EpochDocument.Mixing(50, 2, 1, 1));

    private TestDocuments() {}

    /** Authority {@code index}'s builder under {@link #RULES}: it checks its own proofs. */
    static EpochDocumentBuilder builderOf(TestAuthorities authorities, int index) {
        return new EpochDocumentBuilder(
                RULES, Optional.of(authorities.set()), Optional.of(TestNodes.proofsOf(authorities, index)));
    }

    static EpochDocument withValidUntil(EpochDocument d, long validUntilMillis) {
        return copy(d, d.version(), validUntilMillis, d.layerSeed(), d.mixing(), d.mixnodes(), d.gateways());
    }

    static EpochDocument withHeader(EpochDocument d, int version, String layerSeed, EpochDocument.Mixing mixing) {
        return copy(d, version, d.validUntilMillis(), layerSeed, mixing, d.mixnodes(), d.gateways());
    }

    static EpochDocument withNodes(
            EpochDocument d, List<EpochDocument.Layer> mixnodes, List<EpochDocument.Gateway> gateways) {
        return copy(d, d.version(), d.validUntilMillis(), d.layerSeed(), d.mixing(), mixnodes, gateways);
    }

    private static EpochDocument copy(
            EpochDocument d,
            int version,
            long validUntilMillis,
            String layerSeed,
            EpochDocument.Mixing mixing,
            List<EpochDocument.Layer> mixnodes,
            List<EpochDocument.Gateway> gateways) {
        return new EpochDocument(
                version,
                d.epoch(),
                d.startMillis(),
                d.endMillis(),
                validUntilMillis,
                layerSeed,
                mixing,
                mixnodes,
                gateways);
    }
}
