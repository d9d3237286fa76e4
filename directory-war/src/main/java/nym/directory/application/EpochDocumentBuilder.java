package nym.directory.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.AuthoritySet;
import nym.directory.api.EpochDocument;
import nym.directory.api.LayerAssignment;
import nym.directory.domain.node.NodeKind;

/**
 * Builds an epoch's document from the candidates (live, admitted, reachable nodes with keys for the epoch and the
 * next): mix nodes dealt to layers by {@link LayerAssignment}, every list sorted by identity key, so any authority
 * recomputes the same bytes from the same nodes.
 *
 * <p>A candidate is left out when its keys are not for the epoch and the next, when it lacks a proof for one of the
 * pinned authorities, or when its proof for this authority does not verify: each authority refuses to sign a document
 * listing a key it cannot verify, so listing such a node would cost the whole document a signature.
 *
 * <p>The ledger's standing for the epoch ({@link EpochStanding}) gives each listed node its {@code performance} and
 * leaves out nodes below the score threshold, and under admission {@code stake} those outside the active set; each
 * such node is logged with its identity key's prefix and the reason.
 */
public final class EpochDocumentBuilder {

    private static final Logger LOG = Logger.getLogger(EpochDocumentBuilder.class.getName());
    private static final int LOGGED_KEY_CHARS = 8;

    private static final Comparator<EpochCandidate> BY_IDENTITY = Comparator.comparing(EpochCandidate::identityKey);

    private final EpochRules rules;
    private final Optional<AuthoritySet> authorities;
    private final Optional<AuthorityProofs> ownProofs;

    /**
     * @param authorities the pinned set, if this instance knows it: every candidate must carry a proof for each key
     * @param ownProofs this authority's proof check, if it is one
     */
    public EpochDocumentBuilder(
            EpochRules rules, Optional<AuthoritySet> authorities, Optional<AuthorityProofs> ownProofs) {
        this.rules = rules;
        this.authorities = authorities;
        this.ownProofs = ownProofs;
    }

    public EpochDocument build(long epoch, List<EpochCandidate> candidates, EpochStanding standing) {
        Predicate<EpochCandidate> listable = c -> listable(c, epoch) && standing(c, epoch, standing);
        List<EpochCandidate> mixnodes = candidates.stream()
                .filter(c -> c.kind() == NodeKind.MIXNODE)
                .filter(listable)
                .sorted(BY_IDENTITY)
                .toList();
        List<EpochCandidate> gateways = candidates.stream()
                .filter(c -> c.kind() == NodeKind.GATEWAY)
                .filter(listable)
                .sorted(BY_IDENTITY)
                .toList();
        Map<String, Integer> layerOf = LayerAssignment.assign(
                rules.seed(epoch),
                mixnodes.stream().map(EpochCandidate::identityKey).toList(),
                rules.layers());
        List<EpochDocument.Layer> layers = new ArrayList<>();
        for (int layer = 1; layer <= rules.layers(); layer++) {
            int l = layer;
            layers.add(new EpochDocument.Layer(
                    l,
                    mixnodes.stream()
                            .filter(c -> layerOf.get(c.identityKey()) == l)
                            .map(c -> mixnode(c, l, standing.performance(c.identityKey())))
                            .toList()));
        }
        EpochSchedule schedule = rules.schedule();
        return new EpochDocument(
                EpochDocument.VERSION,
                epoch,
                schedule.start(epoch),
                schedule.end(epoch),
                schedule.validUntil(epoch),
                rules.seedText(epoch),
                rules.mixing(),
                layers,
                gateways.stream()
                        .map(c -> gateway(c, standing.performance(c.identityKey())))
                        .toList());
    }

    private boolean listable(EpochCandidate c, long epoch) {
        return keyFor(c.key(), epoch)
                && keyFor(c.nextKey(), epoch + 1)
                && authorities.map(set -> provesToEach(set, c)).orElse(true)
                && ownProofs
                        .map(own -> own.proves(c.identityKey(), c.key()) && own.proves(c.identityKey(), c.nextKey()))
                        .orElse(true);
    }

    private static boolean standing(EpochCandidate c, long epoch, EpochStanding standing) {
        Optional<String> excluded = standing.exclusion(c.kind(), c.identityKey());
        excluded.ifPresent(why -> LOG.info(() -> "node " + c.identityKey().substring(0, LOGGED_KEY_CHARS)
                + "… not listed in epoch " + epoch + ": " + why));
        return excluded.isEmpty();
    }

    private static boolean keyFor(AnnouncedKey key, long epoch) {
        return key != null && key.epoch() == epoch && key.key() != null;
    }

    private static boolean provesToEach(AuthoritySet set, EpochCandidate c) {
        return c.key().proofs() != null
                && c.nextKey().proofs() != null
                && c.key().proofs().keySet().containsAll(set.keys())
                && c.nextKey().proofs().keySet().containsAll(set.keys());
    }

    private static EpochDocument.Mixnode mixnode(EpochCandidate c, int layer, Integer performance) {
        return new EpochDocument.Mixnode(
                c.identityKey(),
                c.address(),
                layer,
                c.key().key(),
                c.nextKey().key(),
                c.version(),
                c.location(),
                performance);
    }

    private static EpochDocument.Gateway gateway(EpochCandidate c, Integer performance) {
        return new EpochDocument.Gateway(
                c.identityKey(),
                c.clientListener(),
                c.address(),
                c.key().key(),
                c.nextKey().key(),
                c.version(),
                c.location(),
                performance);
    }
}
