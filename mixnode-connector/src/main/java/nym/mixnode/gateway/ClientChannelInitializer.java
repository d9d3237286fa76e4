package nym.mixnode.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.time.Clock;
import java.time.Duration;
import nym.gateway.api.GatewayMessage;

/**
 * The client listener's pipeline: u32-length frames (at most {@link GatewayMessage#MAX_MESSAGE_BYTES}; the decoder
 * strips the length and hands on a retained slice that {@link ClientMessageCodec} releases), messages, one
 * {@link ClientSessionHandler} per connection.
 */
public final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final GatewayDelivery delivery;
    private final ClientPacketInjector injector;
    private final byte[] gatewayIdentityKey;
    private final Duration registrationWindow;

    public ClientChannelInitializer(
            GatewayDelivery delivery,
            ClientPacketInjector injector,
            byte[] gatewayIdentityKey,
            Duration registrationWindow) {
        this.delivery = delivery;
        this.injector = injector;
        this.gatewayIdentityKey = gatewayIdentityKey.clone();
        this.registrationWindow = registrationWindow;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(new LengthFieldBasedFrameDecoder(GatewayMessage.MAX_MESSAGE_BYTES + 4, 0, 4, 0, 4))
                .addLast(new ClientMessageCodec())
                .addLast(new ClientSessionHandler(
                        delivery, injector, gatewayIdentityKey, registrationWindow, Clock.systemUTC()));
    }
}
