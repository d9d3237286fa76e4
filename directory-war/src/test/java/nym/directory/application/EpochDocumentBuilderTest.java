package nym.directory.application;

import static nym.directory.application.EpochStanding.UNSCORED;
import static nym.directory.application.TestDocuments.EPOCH;
import static nym.directory.application.TestDocuments.RULES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.directory.api.LayerAssignment;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;

class EpochDocumentBuilderTest {

    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();
    private final EpochDocumentBuilder builder = TestDocuments.builderOf(authorities, 1);

    @Test
    void build_candidates_headerFromScheduleAndNetwork() {
        EpochDocument d = builder.build(EPOCH, List.of(TestNodes.mixnode(authorities, EPOCH)), UNSCORED);

        assertEquals(EpochDocument.VERSION, d.version());
        assertEquals(EPOCH, d.epoch());
        assertEquals(EPOCH * 3_600_000L, d.startMillis());
        assertEquals((EPOCH + 1) * 3_600_000L, d.endMillis());
        assertEquals((EPOCH + 1) * 3_600_000L + 120_000, d.validUntilMillis());
        assertEquals(Keys.encode(LayerAssignment.seed("testnet", EPOCH)), d.layerSeed());
        assertEquals(new EpochDocument.Mixing(50, 2, 1, 1), d.mixing());
    }

    @Test
    void build_sixMixnodesAndTwoGateways_layersFromAssignmentListsSortedKeysForEpochAndNext() {
        List<EpochCandidate> mixnodes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mixnodes.add(TestNodes.mixnode(authorities, EPOCH));
        }
        List<EpochCandidate> gateways =
                List.of(TestNodes.gateway(authorities, EPOCH), TestNodes.gateway(authorities, EPOCH));
        List<EpochCandidate> all = new ArrayList<>(mixnodes);
        all.addAll(gateways);

        EpochDocument d = builder.build(EPOCH, all, UNSCORED);

        Map<String, Integer> expected = LayerAssignment.assign(
                RULES.seed(EPOCH),
                mixnodes.stream().map(EpochCandidate::identityKey).toList(),
                3);
        assertEquals(3, d.mixnodes().size());
        for (int layer = 1; layer <= 3; layer++) {
            EpochDocument.Layer l = d.mixnodes().get(layer - 1);
            assertEquals(layer, l.layer());
            assertEquals(2, l.nodes().size(), "six nodes dealt to three layers");
            assertSorted(
                    l.nodes().stream().map(EpochDocument.Mixnode::identityKey).toList());
            for (EpochDocument.Mixnode m : l.nodes()) {
                assertEquals(expected.get(m.identityKey()), m.layer());
                assertEquals(layer, m.layer());
                EpochCandidate c = find(mixnodes, m.identityKey());
                assertEquals(c.address(), m.host());
                assertEquals(c.key().key(), m.sphinxKey());
                assertEquals(c.nextKey().key(), m.nextSphinxKey());
            }
        }
        assertEquals(2, d.gateways().size());
        assertSorted(
                d.gateways().stream().map(EpochDocument.Gateway::identityKey).toList());
        for (EpochDocument.Gateway g : d.gateways()) {
            EpochCandidate c = find(gateways, g.identityKey());
            assertEquals(c.address(), g.mixnetListener());
            assertEquals(c.clientListener(), g.clientListener());
            assertEquals(c.nextKey().key(), g.nextSphinxKey());
        }
    }

    @Test
    void build_sameCandidatesInAnotherOrder_sameBytes() {
        List<EpochCandidate> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(TestNodes.mixnode(authorities, EPOCH));
        }
        nodes.add(TestNodes.gateway(authorities, EPOCH));
        List<EpochCandidate> shuffled = new ArrayList<>(nodes);
        Collections.reverse(shuffled);

        assertArrayEquals(
                builder.build(EPOCH, nodes, UNSCORED).canonicalBytes(),
                builder.build(EPOCH, shuffled, UNSCORED).canonicalBytes());
    }

    @Test
    void build_noCandidates_everyLayerListedEmpty() {
        EpochDocument d = builder.build(EPOCH, List.of(), UNSCORED);

        assertEquals(3, d.mixnodes().size());
        assertTrue(d.mixnodes().stream().allMatch(l -> l.nodes().isEmpty()));
        assertTrue(d.gateways().isEmpty());
    }

    @Test
    void build_candidateWithKeysForOtherEpochs_leftOut() {
        EpochCandidate stale = TestNodes.mixnode(authorities, EPOCH - 1);

        EpochDocument d = builder.build(EPOCH, List.of(stale), UNSCORED);

        assertTrue(listed(d).isEmpty());
    }

    @Test
    void build_candidateLackingAProofForAnotherAuthority_leftOut() {
        EpochCandidate ok = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate c = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate missing =
                TestNodes.withKeys(c, c.key(), TestNodes.withProof(c.nextKey(), authorities.authority(3), null));

        EpochDocument d = builder.build(EPOCH, List.of(ok, missing), UNSCORED);

        assertEquals(List.of(ok.identityKey()), listed(d));
    }

    @Test
    void build_candidateWhoseProofForThisAuthorityFails_leftOut() {
        EpochCandidate ok = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate c = TestNodes.gateway(authorities, EPOCH);
        EpochCandidate forged = TestNodes.withKeys(
                c, TestNodes.withProof(c.key(), authorities.authority(1), TestNodes.bogusTag()), c.nextKey());

        EpochDocument d = builder.build(EPOCH, List.of(ok, forged), UNSCORED);

        assertEquals(List.of(ok.identityKey()), listed(d));
    }

    @Test
    void build_withoutAuthoritySetOrOwnKey_listsWhatIsAnnounced() {
        EpochDocumentBuilder plain = new EpochDocumentBuilder(RULES, Optional.empty(), Optional.empty());
        EpochCandidate c = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate unproven = TestNodes.withKeys(
                c, TestNodes.withProof(c.key(), authorities.authority(1), TestNodes.bogusTag()), c.nextKey());

        assertEquals(List.of(c.identityKey()), listed(plain.build(EPOCH, List.of(unproven), UNSCORED)));
    }

    @Test
    void build_withTheLedgersRecord_performanceOfEachListedNodeFromIt() {
        EpochCandidate scored = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate unscored = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate gateway = TestNodes.gateway(authorities, EPOCH);
        EpochStanding standing = standing(
                Set.of(scored.identityKey(), unscored.identityKey()),
                Set.of(gateway.identityKey()),
                Map.of(scored.identityKey(), 950, gateway.identityKey(), 800),
                false);

        EpochDocument d = builder.build(EPOCH, List.of(scored, unscored, gateway), standing);

        Map<String, Integer> performance = new HashMap<>();
        d.mixnodes().forEach(l -> l.nodes().forEach(m -> performance.put(m.identityKey(), m.performance())));
        assertEquals(950, performance.get(scored.identityKey()));
        assertTrue(performance.containsKey(unscored.identityKey()));
        assertNull(performance.get(unscored.identityKey()), "no score in the record: null");
        assertEquals(800, d.gateways().get(0).performance(), "at the threshold is not below it");
    }

    @Test
    void build_nodeBelowTheThreshold_leftOutUnderOpenAdmission() {
        EpochCandidate good = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate poor = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate poorGateway = TestNodes.gateway(authorities, EPOCH);
        EpochCandidate outsideTheActiveSet = TestNodes.mixnode(authorities, EPOCH);
        EpochStanding standing = standing(
                Set.of(good.identityKey(), poor.identityKey()),
                Set.of(),
                Map.of(good.identityKey(), 1000, poor.identityKey(), 799, poorGateway.identityKey(), 500),
                false);

        EpochDocument d = builder.build(EPOCH, List.of(good, poor, poorGateway, outsideTheActiveSet), standing);

        assertEquals(Set.of(good.identityKey(), outsideTheActiveSet.identityKey()), Set.copyOf(listed(d)));
    }

    @Test
    void build_stakeAdmission_onlyTheRecordsActiveSetOfTheNodesKind() {
        EpochCandidate active = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate inactive = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate gateway = TestNodes.gateway(authorities, EPOCH);
        EpochCandidate gatewayListedAsMixnode = TestNodes.gateway(authorities, EPOCH);
        EpochCandidate activeButPoor = TestNodes.gateway(authorities, EPOCH);
        EpochStanding standing = standing(
                Set.of(active.identityKey(), gatewayListedAsMixnode.identityKey()),
                Set.of(gateway.identityKey(), activeButPoor.identityKey()),
                Map.of(activeButPoor.identityKey(), 100),
                true);

        EpochDocument d = builder.build(
                EPOCH, List.of(active, inactive, gateway, gatewayListedAsMixnode, activeButPoor), standing);

        assertEquals(List.of(active.identityKey(), gateway.identityKey()), listed(d));
    }

    @Test
    void build_stakeAdmissionWithoutARecord_listsNobody() {
        EpochStanding noRecord = new EpochStanding(Optional.empty(), 800, true);

        EpochDocument d = builder.build(
                EPOCH, List.of(TestNodes.mixnode(authorities, EPOCH), TestNodes.gateway(authorities, EPOCH)), noRecord);

        assertTrue(listed(d).isEmpty());
    }

    @Test
    void build_openAdmissionWithoutARecord_everyNodeListedWithoutPerformance() {
        EpochStanding noRecord = new EpochStanding(Optional.empty(), 800, false);
        EpochCandidate m = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate g = TestNodes.gateway(authorities, EPOCH);

        EpochDocument d = builder.build(EPOCH, List.of(m, g), noRecord);

        assertEquals(List.of(m.identityKey(), g.identityKey()), listed(d));
        assertNull(d.gateways().get(0).performance());
        d.mixnodes().forEach(l -> l.nodes().forEach(n -> assertNull(n.performance())));
    }

    static EpochStanding standing(
            Set<String> mixnodes, Set<String> gateways, Map<String, Integer> performance, boolean activeSetOnly) {
        return new EpochStanding(
                Optional.of(new ActiveSet(EPOCH, mixnodes, gateways, performance)), 800, activeSetOnly);
    }

    static List<String> listed(EpochDocument d) {
        List<String> keys = new ArrayList<>();
        d.mixnodes().forEach(l -> l.nodes().forEach(m -> keys.add(m.identityKey())));
        d.gateways().forEach(g -> keys.add(g.identityKey()));
        return keys;
    }

    private static EpochCandidate find(List<EpochCandidate> nodes, String identityKey) {
        return nodes.stream()
                .filter(c -> c.identityKey().equals(identityKey))
                .findFirst()
                .orElseThrow();
    }

    private static void assertSorted(List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        assertEquals(sorted, keys);
    }
}
