package nym.mixnode.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.testing.TestAuthorities;
import nym.mixnode.config.NodeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node takes an epoch document only with t valid signatures of its pinned authorities, never an older epoch than
 * it holds and never one past its validity; what it refuses is counted by kind (in process and on {@code /metrics}),
 * and it keeps its documents.
 */
class DocumentTrustTest {

    @TempDir
    Path tmp;

    /** A network with one mix node holding epochs 2 and 3 (2 as the previous one, in its grace). */
    private static MixNode nodeHoldingTwoEpochs(TestNetwork net) throws Exception {
        MixNode node =
                MixNode.start(net.config(NodeMode.MIX, "mix").metricsPort(0).build());
        net.mixes.add(node);
        net.nextEpoch();
        net.nextEpoch();
        assertEquals(Set.of(2L, 3L), node.topology().epochs());
        return node;
    }

    /** {@code document}, signed by a threshold of {@code signers} and served as the current one, is refused. */
    private static void assertServedAsCurrentRefused(
            TestNetwork net,
            MixNode node,
            TestAuthorities signers,
            EpochDocument document,
            DirectoryException.Kind kind) {
        net.directory.serveAsCurrent(signers.signByThreshold(document));
        assertRefusedKeepingWhatItHolds(node, kind);
    }

    private static void assertRefusedKeepingWhatItHolds(MixNode node, DirectoryException.Kind kind) {
        Set<Long> before = node.topology().epochs();
        long refusedBefore = node.documentRefusals().count(kind);
        assertFalse(node.refreshTopology());
        // more than before, not exactly one: the node's own refresh timer may refuse the same document too
        assertTrue(node.documentRefusals().count(kind) > refusedBefore);
        assertEquals(before, node.topology().epochs());
    }

    @Test
    void refresh_documentSignedByFewerThanTheThreshold_refusedAndCounted() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode node = nodeHoldingTwoEpochs(net);
            net.directory.signWith(1);
            net.directory.advanceEpoch();
            assertRefusedKeepingWhatItHolds(node, DirectoryException.Kind.NOT_ENOUGH_SIGNATURES);
            String scraped = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http:/" + node.metricsAddress() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            // at least the refusal above: the node's own refresh timer may have refused the document again since
            Matcher count = Pattern.compile(
                            "\nnym_mixnode_epoch_documents_refused_total\\{kind=\"not_enough_signatures\"} (\\d+)\n")
                    .matcher(scraped);
            assertTrue(count.find(), scraped);
            assertTrue(Long.parseLong(count.group(1)) >= 1, scraped);
        }
    }

    @Test
    void refresh_documentSignedByUnknownKeys_refusedAndCounted() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode node = nodeHoldingTwoEpochs(net);
            EpochDocument next = net.directory.advanceEpoch();
            assertServedAsCurrentRefused(
                    net, node, TestAuthorities.threeOfWhichTwo(), next, DirectoryException.Kind.NOT_ENOUGH_SIGNATURES);
        }
    }

    @Test
    void refresh_olderEpochThanHeld_refusedAndCounted() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode node = nodeHoldingTwoEpochs(net);
            assertServedAsCurrentRefused(
                    net,
                    node,
                    net.directory.authorities(),
                    net.directory.document(1),
                    DirectoryException.Kind.STALE_EPOCH);
        }
    }

    @Test
    void refresh_documentPastItsValidity_refusedAndCounted() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode node = nodeHoldingTwoEpochs(net);
            long now = System.currentTimeMillis();
            EpochDocument expired = new EpochDocument(
                    EpochDocument.VERSION,
                    4,
                    now - 3000,
                    now - 2000,
                    now - 1000,
                    "",
                    new EpochDocument.Mixing(50, 1, 1, 1),
                    List.of(),
                    List.of());
            assertServedAsCurrentRefused(
                    net, node, net.directory.authorities(), expired, DirectoryException.Kind.EXPIRED);
        }
    }

    @Test
    void refresh_thresholdSignedNextEpoch_heldAndTheNodesLayerFollowsIt() throws Exception {
        try (TestNetwork net = new TestNetwork(tmp)) {
            MixNode node = nodeHoldingTwoEpochs(net);
            EpochDocument next = net.nextEpoch();
            assertTrue(node.topology().epochs().contains(next.epoch()));
            assertEquals(1, node.topology().layerIn(next.epoch()).orElseThrow(), "the only mix node: layer 1");
        }
    }
}
