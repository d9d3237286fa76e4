package nym.directory.application;

import static nym.directory.application.TestDocuments.EPOCH;
import static nym.directory.application.TestDocuments.RULES;
import static nym.directory.application.TestDocuments.withHeader;
import static nym.directory.application.TestDocuments.withNodes;
import static nym.directory.application.TestDocuments.withValidUntil;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nym.directory.api.EpochDocument;
import nym.directory.api.testing.TestAuthorities;
import nym.directory.domain.node.NodeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Documents built by authority 1, checked by authority 2. */
class EpochDocumentValidatorTest {

    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();
    private final EpochDocumentValidator validator =
            new EpochDocumentValidator(RULES, TestNodes.proofsOf(authorities, 2));
    private final List<EpochCandidate> nodes = new ArrayList<>();
    private EpochDocument built;

    @BeforeEach
    void buildByAuthority1() {
        for (int i = 0; i < 6; i++) {
            nodes.add(TestNodes.mixnode(authorities, EPOCH));
        }
        nodes.add(TestNodes.gateway(authorities, EPOCH));
        built = builtBy1(nodes);
    }

    @Test
    void check_documentAnotherAuthorityBuilt_passes() {
        assertDoesNotThrow(() -> validator.check(built, EPOCH, announced(), EpochStanding.UNSCORED));
    }

    @Test
    void check_documentOfAnotherEpoch_refused() {
        assertRefused(built, EPOCH + 1, "says epoch " + EPOCH);
    }

    @Test
    void check_tamperedTimes_refused() {
        EpochDocument d = withValidUntil(built, built.validUntilMillis() + 3_600_000);

        assertRefused(d, EPOCH, "do not match the schedule");
    }

    @Test
    void check_tamperedSeedVersionOrMixing_refused() {
        assertRefused(withHeader(built, 1, built.layerSeed(), built.mixing()), EPOCH, "version 1");
        assertRefused(
                withHeader(built, built.version(), RULES.seedText(EPOCH + 1), built.mixing()), EPOCH, "layer seed");
        assertRefused(
                withHeader(built, built.version(), built.layerSeed(), new EpochDocument.Mixing(1, 2, 1, 1)),
                EPOCH,
                "mixing");
    }

    @Test
    void check_twoNodesSwappedBetweenLayers_refused() {
        List<EpochDocument.Layer> layers = new ArrayList<>(built.mixnodes());
        EpochDocument.Mixnode a = layers.get(0).nodes().get(0);
        EpochDocument.Mixnode b = layers.get(1).nodes().get(0);
        layers.set(0, replaceFirst(layers.get(0), moved(b, 1)));
        layers.set(1, replaceFirst(layers.get(1), moved(a, 2)));
        EpochDocument d = withNodes(built, layers, built.gateways());

        assertRefused(d, EPOCH, "layer assignment");
    }

    @Test
    void check_layerFieldDisagreesWithItsList_refused() {
        List<EpochDocument.Layer> layers = new ArrayList<>(built.mixnodes());
        layers.set(0, replaceFirst(layers.get(0), moved(layers.get(0).nodes().get(0), 3)));

        assertRefused(withNodes(built, layers, built.gateways()), EPOCH, "says layer 3");
    }

    @Test
    void check_keyWhoseProofForThisAuthorityFails_refused() {
        // Authority 1 cannot check authority 2's tag: it lists the node, authority 2 must refuse.
        EpochCandidate c = TestNodes.mixnode(authorities, EPOCH);
        EpochCandidate forged = TestNodes.withKeys(
                c, c.key(), TestNodes.withProof(c.nextKey(), authorities.authority(2), TestNodes.bogusTag()));
        nodes.add(forged);
        EpochDocument d = builtBy1(nodes);

        assertRefused(d, EPOCH, c.identityKey() + "'s Sphinx key for epoch " + (EPOCH + 1));
    }

    @Test
    void check_listedKeyTheNodeDidNotAnnounce_refused() {
        EpochCandidate c = nodes.get(0);
        EpochCandidate swapped =
                TestNodes.withKeys(c, TestNodes.announce(authorities, c.identityKey(), EPOCH), c.nextKey());
        Map<String, EpochCandidate> announced = announced();
        announced.put(c.identityKey(), swapped);

        assertRefused(built, EPOCH, announced, "did not announce");
    }

    @Test
    void check_nodeWithNoAnnouncement_refused() {
        Map<String, EpochCandidate> announced = announced();
        announced.remove(nodes.get(6).identityKey());

        assertRefused(built, EPOCH, announced, "announced no keys");
    }

    @Test
    void check_gatewayListedTwice_refused() {
        List<EpochDocument.Gateway> twice =
                List.of(built.gateways().get(0), built.gateways().get(0));
        EpochDocument d = withNodes(built, built.mixnodes(), twice);

        assertRefused(d, EPOCH, "not sorted");
    }

    @Test
    void check_layerMissing_refused() {
        assertRefused(
                withNodes(built, built.mixnodes().subList(0, 2), built.gateways()), EPOCH, "2 layers, expected 3");
    }

    @Test
    void check_documentBuiltFromTheSameLedgerRecord_passesUnderOpenAndStake() {
        for (boolean activeSetOnly : new boolean[] {false, true}) {
            EpochStanding standing = everyNodeScored(900, activeSetOnly);
            EpochDocument d = builtBy1(nodes, standing);

            assertDoesNotThrow(() -> validator.check(d, EPOCH, announced(), standing));
            assertEquals(7, EpochDocumentBuilderTest.listed(d).size());
        }
    }

    @Test
    void check_performanceOtherThanThisAuthoritysRecord_refused() {
        EpochDocument d = builtBy1(nodes, everyNodeScored(900, false));

        assertRefused(d, EPOCH, announced(), everyNodeScored(950, false), "gives 950");
    }

    @Test
    void check_scorelessDocumentUnderOpenAdmission_passesWhileNoListedNodeIsBelowTheThreshold() {
        assertDoesNotThrow(() -> validator.check(built, EPOCH, announced(), everyNodeScored(900, false)));

        Map<String, Integer> oneBelow = new HashMap<>(scores(900));
        oneBelow.put(nodes.get(6).identityKey(), 799);
        EpochStanding standing =
                new EpochStanding(Optional.of(new ActiveSet(EPOCH, Set.of(), Set.of(), oneBelow)), 800, false);
        assertRefused(built, EPOCH, announced(), standing, "its score 799 is below the threshold 800");
    }

    @Test
    void check_scorelessDocumentUnderStakeAdmission_refused() {
        assertRefused(built, EPOCH, announced(), everyNodeScored(900, true), "listed with performance null");
    }

    @Test
    void check_stakeAdmissionAndANodeOutsideTheActiveSet_refused() {
        EpochStanding withOneMore = everyNodeScored(900, false);
        EpochCandidate outsider = TestNodes.mixnode(authorities, EPOCH);
        nodes.add(outsider);
        EpochDocument d = builtBy1(nodes, withOneMore);
        EpochStanding stake = new EpochStanding(withOneMore.record(), 800, true);

        assertRefused(
                d, EPOCH, announced(), stake, outsider.identityKey() + " is listed but not in the ledger's active set");
    }

    /** The record the ledger would fix: the test's nodes active by kind, each scored {@code score}. */
    private EpochStanding everyNodeScored(int score, boolean activeSetOnly) {
        Set<String> mixnodes = new HashSet<>();
        Set<String> gateways = new HashSet<>();
        for (EpochCandidate c : nodes) {
            (c.kind() == NodeKind.MIXNODE ? mixnodes : gateways).add(c.identityKey());
        }
        return new EpochStanding(
                Optional.of(new ActiveSet(EPOCH, mixnodes, gateways, scores(score))), 800, activeSetOnly);
    }

    private Map<String, Integer> scores(int score) {
        Map<String, Integer> scores = new HashMap<>();
        nodes.forEach(c -> scores.put(c.identityKey(), score));
        return scores;
    }

    private EpochDocument builtBy1(List<EpochCandidate> candidates) {
        return builtBy1(candidates, EpochStanding.UNSCORED);
    }

    private EpochDocument builtBy1(List<EpochCandidate> candidates, EpochStanding standing) {
        return TestDocuments.builderOf(authorities, 1).build(EPOCH, candidates, standing);
    }

    private Map<String, EpochCandidate> announced() {
        return EpochDocumentValidator.byIdentity(nodes);
    }

    private void assertRefused(EpochDocument d, long epoch, String reasonPart) {
        assertRefused(d, epoch, announced(), reasonPart);
    }

    private void assertRefused(EpochDocument d, long epoch, Map<String, EpochCandidate> announced, String reasonPart) {
        assertRefused(d, epoch, announced, EpochStanding.UNSCORED, reasonPart);
    }

    private void assertRefused(
            EpochDocument d,
            long epoch,
            Map<String, EpochCandidate> announced,
            EpochStanding standing,
            String reasonPart) {
        EpochDocumentRefused e =
                assertThrows(EpochDocumentRefused.class, () -> validator.check(d, epoch, announced, standing));
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }

    private static EpochDocument.Layer replaceFirst(EpochDocument.Layer layer, EpochDocument.Mixnode node) {
        List<EpochDocument.Mixnode> nodes = new ArrayList<>(layer.nodes());
        nodes.set(0, node);
        nodes.sort(java.util.Comparator.comparing(EpochDocument.Mixnode::identityKey));
        return new EpochDocument.Layer(layer.layer(), nodes);
    }

    private static EpochDocument.Mixnode moved(EpochDocument.Mixnode m, int layer) {
        return new EpochDocument.Mixnode(
                m.identityKey(), m.host(), layer, m.sphinxKey(), m.nextSphinxKey(), m.version(), m.location(), null);
    }
}
