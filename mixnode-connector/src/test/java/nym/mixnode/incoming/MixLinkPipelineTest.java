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
import nym.directory.api.Topology;
import nym.link.LinkException;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.testing.LeakRecorder;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.TopologyView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mixnet listener's pipeline on EmbeddedChannels (paranoid leak detection): only the previous layer of the
 * current topology opens a mix link; a refusal is counted by kind; accepted cells reach the crypto workers.
 */
class MixLinkPipelineTest {

    private static final int PACKET = 200;
    private static final LinkSettings SETTINGS = LinkSettings.of(MixNodeConfig.MIX_LINK_KIND, PACKET, PACKET);

    private final NodeKeys gateway = keys();
    private final NodeKeys layer1 = keys();
    private final NodeKeys layer2 = keys();
    private final NodeKeys layer3 = keys();
    private final TopologyView view = new TopologyView();
    private final NodeMetrics metrics = new NodeMetrics();
    private final List<byte[]> toWorkers = new ArrayList<>();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    MixLinkPipelineTest() {
        view.update(new Topology(
                0,
                0,
                List.of(layer(1, layer1), layer(2, layer2), layer(3, layer3)),
                List.of(new Topology.Gateway(
                        "127.0.0.1:2", "127.0.0.1:3", gateway.identityKeyText(), gateway.sphinxKeyText(), "t", "t", 0)),
                List.of()));
    }

    @AfterEach
    void noLeaks() throws InterruptedException {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    private static NodeKeys keys() {
        return NodeKeys.generate(new SecureRandom());
    }

    private static Topology.Layer layer(int n, NodeKeys node) {
        return new Topology.Layer(
                n,
                List.of(new Topology.Mixnode(
                        "127.0.0.1:" + (10 + n), node.identityKeyText(), node.sphinxKeyText(), n, "t", "t", 0)));
    }

    private boolean authorized(NodeMode mode, int layer, NodeKeys initiator) {
        return new PreviousLayerOnly(view, mode, layer)
                .authorize(initiator.link().publicKey());
    }

    @Test
    void previousLayerOnly_eachListener_acceptsItsPreviousLayerOnly() {
        assertTrue(authorized(NodeMode.MIX, 1, gateway));
        assertFalse(authorized(NodeMode.MIX, 1, layer1));
        assertFalse(authorized(NodeMode.MIX, 1, layer3));
        assertTrue(authorized(NodeMode.MIX, 2, layer1));
        assertFalse(authorized(NodeMode.MIX, 2, gateway));
        assertTrue(authorized(NodeMode.MIX, 3, layer2));
        assertFalse(authorized(NodeMode.MIX, 3, layer1));
        assertTrue(authorized(NodeMode.GATEWAY, 1, layer3));
        assertFalse(authorized(NodeMode.GATEWAY, 1, layer1));
        assertFalse(authorized(NodeMode.MIX, 1, keys()), "a node outside the topology");
    }

    private EmbeddedChannel listener(NodeKeys node, NodeMode mode, int layer) {
        EmbeddedChannel ch = new EmbeddedChannel(new MixLinkInitializer(
                SETTINGS,
                node.link(),
                new PreviousLayerOnly(view, mode, layer),
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
        EmbeddedChannel node = listener(layer1, NodeMode.MIX, 1);
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
        EmbeddedChannel node = listener(layer2, NodeMode.MIX, 2);
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
        EmbeddedChannel node = listener(layer1, NodeMode.MIX, 1);
        byte[] garbage = new byte[2 + 48];
        garbage[1] = 48;
        node.writeInbound(node.alloc().buffer().writeBytes(garbage));
        assertFalse(node.isOpen());
        assertEquals(1, metrics.snapshot().linkFailures(LinkException.Kind.GARBLED_HANDSHAKE));
    }
}
