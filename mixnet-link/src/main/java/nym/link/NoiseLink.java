package nym.link;

import io.netty.channel.ChannelPipeline;

/**
 * Puts a link on a channel: call from the channel's initializer, before the handlers that read and write cells.
 *
 * <p>Pipeline, head to tail: {@value #HANDSHAKE_AND_CELLS_IN} ({@link NoiseLinkHandler}: handshake, then inbound
 * frames to {@code byte[]} cells), {@value #CELLS_OUT} ({@link CellEncryptor}: outbound {@code byte[]} cells to
 * frames), then the caller's handlers, which see {@link LinkEstablished}, then cells.
 */
public final class NoiseLink {

    public static final String HANDSHAKE_AND_CELLS_IN = "noise-link";
    public static final String CELLS_OUT = "noise-cells";

    private NoiseLink() {}

    /**
     * The connecting side: it knows the listener's static key (from the signed topology) and sends message 1 as soon
     * as the channel is active.
     */
    public static void initiator(
            ChannelPipeline pipeline,
            LinkSettings settings,
            LinkKeys local,
            byte[] remoteStatic,
            LinkFailureListener failures) {
        install(pipeline, settings, NoiseHandshake.initiator(settings, local, remoteStatic), null, null, failures);
    }

    /**
     * The listening side: it learns the initiator's static key from message 3 and asks {@code authorizer}. Share one
     * {@code gate} among the connections of a listener.
     */
    public static void responder(
            ChannelPipeline pipeline,
            LinkSettings settings,
            LinkKeys local,
            PeerAuthorizer authorizer,
            HandshakeGate gate,
            LinkFailureListener failures) {
        install(pipeline, settings, NoiseHandshake.responder(settings, local), authorizer, gate, failures);
    }

    private static void install(
            ChannelPipeline pipeline,
            LinkSettings settings,
            NoiseHandshake handshake,
            PeerAuthorizer authorizer,
            HandshakeGate gate,
            LinkFailureListener failures) {
        CellEncryptor encryptor = new CellEncryptor(settings, failures);
        pipeline.addLast(
                HANDSHAKE_AND_CELLS_IN,
                new NoiseLinkHandler(settings, handshake, authorizer, gate, failures, encryptor));
        pipeline.addLast(CELLS_OUT, encryptor);
    }
}
