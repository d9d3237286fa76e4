package nym.directory.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.EpochDocument;
import nym.directory.api.LayerAssignment;
import nym.directory.domain.node.NodeKind;

/**
 * What an authority checks before it signs a document another instance (or itself) built: that it is the document
 * this authority would have built for that epoch from the nodes it lists — version, schedule, seed, mixing, layer
 * assignment recomputed, lists sorted, no node twice — and that every listed Sphinx key carries a proof for this
 * authority that verifies (the keys and proofs the nodes announced are looked up in the registry, not trusted from
 * the document). Which nodes were live and reachable when it was built is the builder's call and not rechecked: the
 * instances' clocks and probes differ. What the ledger fixed for the epoch is rechecked ({@link EpochStanding}): each
 * node's {@code performance} is the ledger record's, no listed node is below the score threshold, and under admission
 * {@code stake} each is in the record's active set of its kind. Under {@code open} and {@code approved} a document
 * without any score is accepted too (its builder waited for the record until start − lead/2, as this authority would
 * have: when it was built is the builder's call), but still none of its nodes may be below the threshold.
 */
public final class EpochDocumentValidator {

    private final EpochRules rules;
    private final AuthorityProofs ownProofs;

    public EpochDocumentValidator(EpochRules rules, AuthorityProofs ownProofs) {
        this.rules = rules;
        this.ownProofs = ownProofs;
    }

    /**
     * @param announced the nodes' announcements for {@code epoch} and the next, by identity key
     * @param standing what the ledger fixed for {@code epoch}, as this authority reads it
     * @throws EpochDocumentRefused naming the first fault found
     */
    public void check(EpochDocument d, long epoch, Map<String, EpochCandidate> announced, EpochStanding standing)
            throws EpochDocumentRefused {
        checkHeader(d, epoch);
        boolean compareScores = standing.activeSetOnly() || EpochStandings.hasScores(d);
        List<String> mixnodeKeys = checkLayers(d);
        Map<String, Integer> expected = LayerAssignment.assign(rules.seed(epoch), mixnodeKeys, rules.layers());
        for (EpochDocument.Layer layer : d.mixnodes()) {
            for (EpochDocument.Mixnode m : layer.nodes()) {
                if (expected.get(m.identityKey()) != layer.layer()) {
                    throw new EpochDocumentRefused("mix node " + m.identityKey() + " is listed in layer "
                            + layer.layer() + " but the layer assignment puts it in layer "
                            + expected.get(m.identityKey()));
                }
                checkKeys(m.identityKey(), m.sphinxKey(), m.nextSphinxKey(), epoch, announced);
                checkStanding(NodeKind.MIXNODE, m.identityKey(), m.performance(), epoch, standing, compareScores);
            }
        }
        List<EpochDocument.Gateway> gateways = Objects.requireNonNullElse(d.gateways(), List.of());
        checkSorted(gateways.stream().map(EpochDocument.Gateway::identityKey).toList(), "gateways");
        Set<String> seen = new HashSet<>(mixnodeKeys);
        for (EpochDocument.Gateway g : gateways) {
            if (!seen.add(g.identityKey())) {
                throw new EpochDocumentRefused("node " + g.identityKey() + " is listed twice");
            }
            checkKeys(g.identityKey(), g.sphinxKey(), g.nextSphinxKey(), epoch, announced);
            checkStanding(NodeKind.GATEWAY, g.identityKey(), g.performance(), epoch, standing, compareScores);
        }
    }

    private static void checkStanding(
            NodeKind kind,
            String identityKey,
            Integer performance,
            long epoch,
            EpochStanding standing,
            boolean compareScores)
            throws EpochDocumentRefused {
        Integer expected = standing.performance(identityKey);
        if (compareScores && !Objects.equals(performance, expected)) {
            throw new EpochDocumentRefused("node " + identityKey + " is listed with performance " + performance
                    + " but the ledger's record of epoch " + epoch + " gives " + expected);
        }
        Optional<String> excluded = standing.exclusion(kind, identityKey);
        if (excluded.isPresent()) {
            throw new EpochDocumentRefused("node " + identityKey + " is listed but " + excluded.get());
        }
    }

    private void checkHeader(EpochDocument d, long epoch) throws EpochDocumentRefused {
        EpochSchedule schedule = rules.schedule();
        if (d.version() != EpochDocument.VERSION) {
            throw new EpochDocumentRefused("version " + d.version() + ", expected " + EpochDocument.VERSION);
        }
        if (d.epoch() != epoch) {
            throw new EpochDocumentRefused("stored for epoch " + epoch + " but says epoch " + d.epoch());
        }
        if (d.startMillis() != schedule.start(epoch)
                || d.endMillis() != schedule.end(epoch)
                || d.validUntilMillis() != schedule.validUntil(epoch)) {
            throw new EpochDocumentRefused("times " + d.startMillis() + ".." + d.endMillis() + " valid until "
                    + d.validUntilMillis() + " do not match the schedule " + schedule.start(epoch) + ".."
                    + schedule.end(epoch) + " valid until " + schedule.validUntil(epoch));
        }
        if (!rules.seedText(epoch).equals(d.layerSeed())) {
            throw new EpochDocumentRefused(
                    "layer seed is not the seed of network " + rules.network() + " for epoch " + epoch);
        }
        if (!rules.mixing().equals(d.mixing())) {
            throw new EpochDocumentRefused("mixing " + d.mixing() + " differs from this authority's " + rules.mixing());
        }
    }

    /** @return the mix nodes' identity keys, all layers */
    private List<String> checkLayers(EpochDocument d) throws EpochDocumentRefused {
        List<EpochDocument.Layer> layers = Objects.requireNonNullElse(d.mixnodes(), List.of());
        if (layers.size() != rules.layers()) {
            throw new EpochDocumentRefused(layers.size() + " layers, expected " + rules.layers());
        }
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            EpochDocument.Layer layer = layers.get(i);
            if (layer.layer() != i + 1) {
                throw new EpochDocumentRefused("layer " + layer.layer() + " listed in position " + (i + 1));
            }
            List<EpochDocument.Mixnode> nodes = Objects.requireNonNullElse(layer.nodes(), List.of());
            checkSorted(nodes.stream().map(EpochDocument.Mixnode::identityKey).toList(), "layer " + layer.layer());
            for (EpochDocument.Mixnode m : nodes) {
                if (m.layer() != layer.layer()) {
                    throw new EpochDocumentRefused("mix node " + m.identityKey() + " says layer " + m.layer()
                            + " in the list of layer " + layer.layer());
                }
                if (!seen.add(m.identityKey())) {
                    throw new EpochDocumentRefused("node " + m.identityKey() + " is listed twice");
                }
                keys.add(m.identityKey());
            }
        }
        return keys;
    }

    private static void checkSorted(List<String> identityKeys, String where) throws EpochDocumentRefused {
        for (int i = 1; i < identityKeys.size(); i++) {
            if (identityKeys.get(i - 1).compareTo(identityKeys.get(i)) >= 0) {
                throw new EpochDocumentRefused(where + " is not sorted by identity key");
            }
        }
    }

    private void checkKeys(
            String identityKey,
            String sphinxKey,
            String nextSphinxKey,
            long epoch,
            Map<String, EpochCandidate> announced)
            throws EpochDocumentRefused {
        EpochCandidate c = announced.get(identityKey);
        if (c == null) {
            throw new EpochDocumentRefused(
                    "node " + identityKey + " announced no keys for epochs " + epoch + " and " + (epoch + 1));
        }
        checkKey(identityKey, sphinxKey, c.key(), epoch);
        checkKey(identityKey, nextSphinxKey, c.nextKey(), epoch + 1);
    }

    private void checkKey(String identityKey, String listed, AnnouncedKey announced, long epoch)
            throws EpochDocumentRefused {
        if (announced == null || announced.epoch() != epoch || !Objects.equals(listed, announced.key())) {
            throw new EpochDocumentRefused(
                    "node " + identityKey + " is listed with a Sphinx key for epoch " + epoch + " it did not announce");
        }
        if (!ownProofs.proves(identityKey, announced)) {
            throw new EpochDocumentRefused("node " + identityKey + "'s Sphinx key for epoch " + epoch
                    + " has no proof of possession for this authority that verifies");
        }
    }

    /** The candidates by identity key, as {@link #check} looks them up. */
    public static Map<String, EpochCandidate> byIdentity(List<EpochCandidate> candidates) {
        Map<String, EpochCandidate> map = new HashMap<>();
        for (EpochCandidate c : candidates) {
            map.put(c.identityKey(), c);
        }
        return map;
    }
}
