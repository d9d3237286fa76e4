package nym.directory.application;

import static nym.directory.application.TestDocuments.EPOCH;
import static nym.directory.application.TestDocuments.RULES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        EpochDocument d = builder.build(EPOCH, List.of(TestNodes.mixnode(authorities, EPOCH)));

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

        EpochDocument d = builder.build(EPOCH, all);

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
                builder.build(EPOCH, nodes).canonicalBytes(),
                builder.build(EPOCH, shuffled).canonicalBytes());
    }

    @Test
    void build_noCandidates_everyLayerListedEmpty() {
        EpochDocument d = builder.build(EPOCH, List.of());

        assertEquals(3, d.mixnodes().size());
        assertTrue(d.mixnodes().stream().allMatch(l -> l.nodes().isEmpty()));
        assertTrue(d.gateways().isEmpty());
    }

    @Test
    void build_candidateWithKeysForOtherEpochs_leftOut() {
        EpochCandidate stale = TestNodes.mixnode(authorities, EPOCH - 1);

        EpochDocument d = builder.build(EPOCH, List.of(stale));

        assertTrue(listed(d).isEmpty());
    }

    @Test
    void build_candidateLackingAProofForAnotherAuthority_leftOut() {
        EpochCandidate ok = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate c = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate missing =
                TestNodes.withKeys(c, c.key(), TestNodes.withProof(c.nextKey(), authorities.authority(3), null));

        EpochDocument d = builder.build(EPOCH, List.of(ok, missing));

        assertEquals(List.of(ok.identityKey()), listed(d));
    }

    @Test
    void build_candidateWhoseProofForThisAuthorityFails_leftOut() {
        EpochCandidate ok = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate c = TestNodes.gateway(authorities, EPOCH);
        EpochCandidate forged = TestNodes.withKeys(
                c, TestNodes.withProof(c.key(), authorities.authority(1), TestNodes.bogusTag()), c.nextKey());

        EpochDocument d = builder.build(EPOCH, List.of(ok, forged));

        assertEquals(List.of(ok.identityKey()), listed(d));
    }

    @Test
    void build_withoutAuthoritySetOrOwnKey_listsWhatIsAnnounced() {
        EpochDocumentBuilder plain = new EpochDocumentBuilder(RULES, Optional.empty(), Optional.empty());
        EpochCandidate c = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate unproven = TestNodes.withKeys(
                c, TestNodes.withProof(c.key(), authorities.authority(1), TestNodes.bogusTag()), c.nextKey());

        assertEquals(List.of(c.identityKey()), listed(plain.build(EPOCH, List.of(unproven))));
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
