package nym.mixnode.incoming;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import java.util.function.Predicate;
import java.util.logging.Logger;
import nym.link.HandshakeGate;
import nym.link.LinkFailureListener;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.PeerAuthorizer;
import nym.mixnode.metrics.NodeMetrics;

/**
 * The pipeline of an accepted mix link: {@code noise-link} + {@code noise-cells} (mixnet-link, responder: the
 * initiator must be a node of the previous layer; cells are Sphinx packets) → {@link IncomingPacketHandler} (to the
 * crypto workers). One {@link HandshakeGate} for the listener bounds the handshakes it runs at once. A failed link is
 * counted by kind ({@link NodeMetrics#linkFailed}) and logged at FINE with its kind only: no key or address.
 */
public final class MixLinkInitializer extends ChannelInitializer<Channel> {

    private static final Logger LOG = Logger.getLogger(MixLinkInitializer.class.getName());

    private final LinkSettings settings;
    private final LinkKeys keys;
    private final PeerAuthorizer previousLayer;
    private final HandshakeGate gate;
    private final ChannelGroup connections;
    private final LinkFailureListener failures;
    private final IncomingPacketHandler packets;

    public MixLinkInitializer(
            LinkSettings settings,
            LinkKeys keys,
            PeerAuthorizer previousLayer,
            int concurrentHandshakes,
            ChannelGroup connections,
            NodeMetrics metrics,
            Predicate<byte[]> workers) {
        this.settings = settings;
        this.keys = keys;
        this.previousLayer = previousLayer;
        this.gate = new HandshakeGate(concurrentHandshakes);
        this.connections = connections;
        this.failures = countingFailures(metrics);
        this.packets = new IncomingPacketHandler(metrics, workers);
    }

    /** Counts a link failure by kind and logs the kind (at FINE: a refused stranger is routine, not an alarm). */
    public static LinkFailureListener countingFailures(NodeMetrics metrics) {
        return failure -> {
            metrics.linkFailed(failure.kind());
            LOG.fine(() -> "mix link failed: " + failure.kind());
        };
    }

    @Override
    protected void initChannel(Channel ch) {
        connections.add(ch);
        NoiseLink.responder(ch.pipeline(), settings, keys, previousLayer, gate, failures);
        ch.pipeline().addLast(packets);
    }
}
