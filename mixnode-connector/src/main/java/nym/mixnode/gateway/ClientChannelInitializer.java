package nym.mixnode.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import java.security.SecureRandom;
import nym.gateway.api.CellSizes;
import nym.link.HandshakeGate;
import nym.link.LinkKeys;
import nym.link.LinkSettings;
import nym.link.NoiseLink;
import nym.link.PeerAuthorizer;

/**
 * The client listener's pipeline: the Noise link as responder ({@link NoiseLink}: handshake, then fixed-size cells
 * both ways; it accepts any initiator key because clients prove who they are inside the session), then one
 * {@link ClientSessionHandler} per connection. The link's own failures (garbled handshake, timeout, bad frame length,
 * decryption) close the connection and are counted in {@link GatewayCounters} by kind.
 */
public final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** The Noise prologue's link kind of client links (a mix-link handshake fails here, and the other way round). */
    public static final String LINK_KIND = CellSizes.LINK_KIND;

    private final GatewayDelivery delivery;
    private final ClientPacketInjector injector;
    private final byte[] gatewayIdentityKey;
    private final LinkKeys linkKeys;
    private final LinkSettings settings;
    private final CellSizes cells;
    private final HandshakeGate gate = new HandshakeGate(HandshakeGate.DEFAULT_MAX_CONCURRENT);
    private final SecureRandom random = new SecureRandom();

    /**
     * @param gatewayIdentityKey the gateway's Ed25519 identity key (registrations sign it)
     * @param linkKeys the gateway's link keys, from its Ed25519 identity ({@link LinkKeys#fromEd25519Seed})
     * @param cells this network's cell sizes ({@link CellSizes#forNetwork})
     */
    public ClientChannelInitializer(
            GatewayDelivery delivery,
            ClientPacketInjector injector,
            byte[] gatewayIdentityKey,
            LinkKeys linkKeys,
            CellSizes cells) {
        this.delivery = delivery;
        this.injector = injector;
        this.gatewayIdentityKey = gatewayIdentityKey.clone();
        this.linkKeys = linkKeys;
        this.cells = cells;
        this.settings = linkSettings(cells);
    }

    /** The gateway's view of a client link: uplink cells in, downlink cells out. */
    public static LinkSettings linkSettings(CellSizes cells) {
        return LinkSettings.of(LINK_KIND, cells.uplink(), cells.downlink());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        install(ch.pipeline());
    }

    /** Puts the link and a session handler on {@code pipeline} (a connection's, or a test's EmbeddedChannel's). */
    void install(ChannelPipeline pipeline) {
        NoiseLink.responder(pipeline, settings, linkKeys, PeerAuthorizer.ANYONE, gate, delivery.counters()::linkFailed);
        pipeline.addLast(new ClientSessionHandler(delivery, injector, gatewayIdentityKey, cells, random));
    }
}
