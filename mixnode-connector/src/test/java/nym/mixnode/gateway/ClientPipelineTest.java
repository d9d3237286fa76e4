package nym.mixnode.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.gateway.api.Authenticate;
import nym.gateway.api.Authenticated;
import nym.gateway.api.Delivered;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.Fetch;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.Messages;
import nym.gateway.api.Register;
import nym.gateway.api.Registered;
import nym.gateway.api.Send;
import nym.mixnode.leaks.LeakRecorder;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.pki.TopologyView;
import nym.mixnode.scheduler.DelayScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client listener's pipeline on an EmbeddedChannel, under paranoid leak detection. */
class ClientPipelineTest {

    @TempDir
    Path tmp;

    private final Ed25519Identity gateway = Ed25519Identity.generate();
    private final Ed25519Identity client = Ed25519Identity.generate();
    private final NodeMetrics metrics = new NodeMetrics();
    private final List<ByteBuf> fed = new ArrayList<>();
    private GatewayDelivery delivery;
    private EmbeddedChannel ch;

    @BeforeEach
    void pipeline() throws Exception {
        delivery = new GatewayDelivery(new ClientRegistry(tmp.resolve("clients")), new InboxStore(tmp, 10), metrics);
        ClientPacketInjector injector =
                new ClientPacketInjector(2466, new TopologyView(), new DelayScheduler("t", 10, metrics, (p, b) -> {}));
        ch = new EmbeddedChannel(
                new LengthFieldBasedFrameDecoder(GatewayMessage.MAX_MESSAGE_BYTES + 4, 0, 4, 0, 4),
                new ClientMessageCodec(),
                new ClientSessionHandler(
                        delivery, injector, gateway.publicKey(), Duration.ofSeconds(30), Clock.systemUTC()));
    }

    @AfterEach
    void noLeaks() throws InterruptedException {
        ch.finishAndReleaseAll();
        fed.forEach(b -> assertEquals(0, b.refCnt(), "a frame fed in was not released"));
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    private void in(byte[] raw) {
        ByteBuf buf = Unpooled.directBuffer(raw.length).writeBytes(raw);
        fed.add(buf);
        ch.writeInbound(buf);
    }

    private void in(GatewayMessage m) {
        byte[] body = m.encode();
        byte[] frame = new byte[4 + body.length];
        frame[0] = (byte) (body.length >>> 24);
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        System.arraycopy(body, 0, frame, 4, body.length);
        in(frame);
    }

    /** The next frame the gateway wrote, parsed (and its buffer released). */
    private GatewayMessage out() {
        ByteBuf frame = ch.readOutbound();
        if (frame == null) {
            return null;
        }
        try {
            assertEquals(frame.readableBytes() - 4, frame.readInt());
            return GatewayMessage.decode(ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }

    private byte[] registerAndAuthenticate() {
        in(Register.sign(client, gateway.publicKey(), System.currentTimeMillis()));
        Registered registered = assertInstanceOf(Registered.class, out());
        in(new Authenticate(client.publicKey(), registered.token(), false));
        assertInstanceOf(Authenticated.class, out());
        return registered.token();
    }

    @Test
    void malformedMessage_answersErrorAndClosesOnlyThisConnection() {
        in(new byte[] {0, 0, 0, 3, 1, GatewayMessage.TYPE_FETCH, 0});
        assertEquals(
                ErrorMessage.Code.MALFORMED,
                assertInstanceOf(ErrorMessage.class, out()).code());
        assertFalse(ch.isActive());
    }

    @Test
    void otherVersion_answersUnsupportedVersionAndCloses() {
        in(new byte[] {0, 0, 0, 4, 2, GatewayMessage.TYPE_FETCH, 0, 1});
        assertEquals(
                ErrorMessage.Code.UNSUPPORTED_VERSION,
                assertInstanceOf(ErrorMessage.class, out()).code());
        assertFalse(ch.isActive());
    }

    @Test
    void oversizedFrameLength_answersMalformedAndCloses() {
        in(new byte[] {0x7f, 0, 0, 0, 1, 6});
        assertEquals(
                ErrorMessage.Code.MALFORMED,
                assertInstanceOf(ErrorMessage.class, out()).code());
        assertFalse(ch.isActive());
    }

    @Test
    void truncatedFrame_waitsForTheRestAndAnswersNothing() {
        in(new byte[] {0, 0, 0, 4, 1, GatewayMessage.TYPE_FETCH});
        assertNull(out());
        assertTrue(ch.isActive());
    }

    @Test
    void sendOrFetchBeforeAuthenticate_refused() {
        in(new Fetch(1));
        assertEquals(
                ErrorMessage.Code.NOT_AUTHENTICATED,
                assertInstanceOf(ErrorMessage.class, out()).code());
        in(new Send(new byte[32], new byte[2466]));
        assertEquals(
                ErrorMessage.Code.NOT_AUTHENTICATED,
                assertInstanceOf(ErrorMessage.class, out()).code());
        assertTrue(ch.isActive());
    }

    @Test
    void register_forAnotherGatewayOrStale_refusedAndNothingStored() {
        in(Register.sign(client, Ed25519Identity.generate().publicKey(), System.currentTimeMillis()));
        assertEquals(
                ErrorMessage.Code.BAD_SIGNATURE,
                assertInstanceOf(ErrorMessage.class, out()).code());
        in(Register.sign(client, gateway.publicKey(), System.currentTimeMillis() - 60_000));
        assertEquals(
                ErrorMessage.Code.STALE_TIMESTAMP,
                assertInstanceOf(ErrorMessage.class, out()).code());
        assertFalse(delivery.registry().isRegistered(client.publicKey()));
    }

    @Test
    void authenticate_wrongToken_refused() {
        in(Register.sign(client, gateway.publicKey(), System.currentTimeMillis()));
        assertInstanceOf(Registered.class, out());
        in(new Authenticate(client.publicKey(), new byte[32], false));
        assertEquals(
                ErrorMessage.Code.BAD_TOKEN,
                assertInstanceOf(ErrorMessage.class, out()).code());
    }

    @Test
    void fetch_afterDelivery_returnsAndRemovesMessages() throws Exception {
        registerAndAuthenticate();
        delivery.inbox(client.publicKey()).append(new Delivered(new byte[16], new byte[] {42}));
        in(new Fetch(5));
        Messages got = assertInstanceOf(Messages.class, out());
        assertEquals(1, got.messages().size());
        assertEquals(0, delivery.inbox(client.publicKey()).size());
    }

    @Test
    void send_wrongPacketSizeOrUnknownFirstHop_refusedWithCode() {
        registerAndAuthenticate();
        in(new Send(new byte[32], new byte[100]));
        assertEquals(
                ErrorMessage.Code.WRONG_PACKET_SIZE,
                assertInstanceOf(ErrorMessage.class, out()).code());
        in(new Send(new byte[32], new byte[2466]));
        assertEquals(
                ErrorMessage.Code.UNKNOWN_FIRST_HOP,
                assertInstanceOf(ErrorMessage.class, out()).code());
    }

    @Test
    void gatewayOnlyMessage_fromClient_refused() {
        in(new Authenticated(0, 0));
        assertEquals(
                ErrorMessage.Code.UNEXPECTED_MESSAGE,
                assertInstanceOf(ErrorMessage.class, out()).code());
    }
}
