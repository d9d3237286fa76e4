package nym.mixnode.incoming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.link.LinkException;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.testing.LeakRecorder;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.TopologyView;
import nym.sphinx.NodeKeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mixnet listener's pipeline on EmbeddedChannels (paranoid leak detection): only the previous layer of the
 * held epoch documents opens a mix link; a refusal is counted by kind; accepted cells reach the crypto workers.
 */
class MixLinkPipelineTest {

    private static final int PACKET = 200;
    private static final LinkSettings SETTINGS = LinkSettings.of(MixNodeConfig.MIX_LINK_KIND, PACKET, PACKET);

    private final NodeKeys gateway = keys();
    private final NodeKeys layer1 = keys();
    private final NodeKeys layer2 = keys();
    private final NodeKeys layer3 = keys();
    private final EpochDocument document = document(1, List.of(layer1, layer2, layer3), gateway);
    private final NodeMetrics metrics = new NodeMetrics();
    private final List<byte[]> toWorkers = new ArrayList<>();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void noLeaks() throws InterruptedException {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    private static NodeKeys keys() {
        return NodeKeys.generate(new SecureRandom());
    }

    /** The document of {@code epoch} with {@code layers.get(i)} in layer i + 1 and one gateway. */
    private static EpochDocument document(long epoch, List<NodeKeys> layers, NodeKeys gateway) {
        List<EpochDocument.Layer> list = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            NodeKeys node = layers.get(i);
            list.add(new EpochDocument.Layer(
                    i + 1,
                    List.of(new EpochDocument.Mixnode(
                            node.identityKeyText(),
                            "127.0.0.1:" + (10 + i),
                            i + 1,
                            sphinxKey(),
                            sphinxKey(),
                            "t",
                            "t",
                            null))));
        }
        return new EpochDocument(
                EpochDocument.VERSION,
                epoch,
                0,
                1000,
                1100,
                "",
                new EpochDocument.Mixing(50, 1, 1, 1),
                list,
                List.of(new EpochDocument.Gateway(
                        gateway.identityKeyText(),
                        "127.0.0.1:2",
                        "127.0.0.1:3",
                        sphinxKey(),
                        sphinxKey(),
                        "t",
                        "t",
                        null)));
    }

    private static String sphinxKey() {
        return Keys.encode(NodeKeyPair.generate(new SecureRandom()).publicKey().toBytes());
    }

    /** What {@code node} sees holding {@code documents}. */
    private static TopologyView viewOf(NodeKeys node, EpochDocument... documents) {
        TopologyView view = new TopologyView(node.identityKeyText());
        view.update(List.of(documents));
        return view;
    }

    private boolean authorized(NodeKeys listener, NodeKeys initiator) {
        return new PreviousLayerOnly(viewOf(listener, document))
                .authorize(initiator.link().publicKey());
    }

    @Test
    void previousLayerOnly_eachListener_acceptsItsPreviousLayerOnly() {
        assertTrue(authorized(layer1, gateway));
        assertFalse(authorized(layer1, layer1));
        assertFalse(authorized(layer1, layer3));
        assertTrue(authorized(layer2, layer1));
        assertFalse(authorized(layer2, gateway));
        assertTrue(authorized(layer3, layer2));
        assertFalse(authorized(layer3, layer1));
        assertTrue(authorized(gateway, layer3));
        assertFalse(authorized(gateway, layer1));
        assertFalse(authorized(layer1, keys()), "a node outside the document");
        assertFalse(authorized(keys(), layer3), "a listener the document does not list accepts nobody");
    }

    @Test
    void previousLayerOnly_acrossABoundary_acceptsThePreviousLayerOfEitherHeldDocument() {
        // the next epoch deals the layers anew: layer 3 becomes layer 1 and layer 1 becomes layer 3
        EpochDocument next = document(2, List.of(layer3, layer2, layer1), gateway);
        PreviousLayerOnly atLayer2 = new PreviousLayerOnly(viewOf(layer2, document, next));
        assertTrue(atLayer2.authorize(layer1.link().publicKey()), "layer 1 of the epoch before");
        assertTrue(atLayer2.authorize(layer3.link().publicKey()), "layer 1 of the epoch after");
        assertFalse(atLayer2.authorize(gateway.link().publicKey()));
        assertFalse(
                new PreviousLayerOnly(viewOf(layer2, next))
                        .authorize(layer1.link().publicKey()),
                "once the epoch before is no longer held");
    }

    private EmbeddedChannel listener(NodeKeys node) {
        EmbeddedChannel ch = new EmbeddedChannel(new MixLinkInitializer(
                SETTINGS,
                node.link(),
                new PreviousLayerOnly(viewOf(node, document)),
                4,
                connections,
                metrics,
                toWorkers::add));
        channels.add(ch);
        return ch;
    }

    private EmbeddedChannel initiator(NodeKeys from, NodeKeys to) {
        EmbeddedChannel ch = new EmbeddedChannel();
        NoiseLink.initiator(ch.pipeline(), SETTINGS, from.link(), to.link().publicKey(), f -> {});
        channels.add(ch);
        return ch;
    }

    /** Moves bytes both ways until neither end writes more; what reaches a closed end is released unread. */
    private static void pump(EmbeddedChannel a, EmbeddedChannel b) {
        boolean moved = true;
        while (moved) {
            moved = move(a, b) | move(b, a);
        }
    }

    private static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        for (ByteBuf buf; (buf = from.readOutbound()) != null; moved = true) {
            if (to.isOpen()) {
                to.writeInbound(buf);
            } else {
                buf.release();
            }
        }
        return moved;
    }

    @Test
    void link_fromTheGatewayToLayer1_carriesPacketsToTheWorkers() {
        EmbeddedChannel node = listener(layer1);
        EmbeddedChannel from = initiator(gateway, layer1);
        byte[] packet = new byte[PACKET];
        Arrays.fill(packet, (byte) 7);
        from.writeOutbound(packet);
        pump(from, node);
        assertEquals(1, toWorkers.size());
        assertArrayEquals(packet, toWorkers.get(0));
        assertEquals(1, metrics.snapshot().received());
        assertTrue(node.isOpen());
    }

    @Test
    void link_fromANodeOfTheWrongLayer_refusedCountedAndNothingReachesTheWorkers() {
        EmbeddedChannel node = listener(layer2);
        EmbeddedChannel from = initiator(layer3, layer2);
        from.writeOutbound(new byte[PACKET]);
        pump(from, node);
        assertFalse(node.isOpen());
        assertEquals(1, metrics.snapshot().linkFailures(LinkException.Kind.UNAUTHORIZED_PEER));
        assertEquals(List.of(), toWorkers);
        assertEquals(0, metrics.snapshot().received());
    }

    @Test
    void link_garbledHandshake_closedAndCounted() {
        EmbeddedChannel node = listener(layer1);
        byte[] garbage = new byte[2 + 48];
        garbage[1] = 48;
        node.writeInbound(node.alloc().buffer().writeBytes(garbage));
        assertFalse(node.isOpen());
        assertEquals(1, metrics.snapshot().linkFailures(LinkException.Kind.GARBLED_HANDSHAKE));
    }
}
