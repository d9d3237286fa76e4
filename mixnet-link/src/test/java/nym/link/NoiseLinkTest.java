package nym.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.util.ResourceLeakDetector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nym.link.testing.LeakRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two ends of a link on EmbeddedChannels, under paranoid leak detection. */
class NoiseLinkTest {

    private static final int UP = 100;
    private static final int DOWN = 60;
    private static final int FRAME_UP = LinkFrames.LENGTH_BYTES + UP + LinkFrames.TAG_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkKeys initiatorKeys = keys();
    private final LinkKeys responderKeys = keys();
    private final LinkSettings settings = LinkSettings.of("test", DOWN, UP);
    private final HandshakeGate gate = new HandshakeGate(4);
    private final List<LinkEnd> ends = new ArrayList<>();

    @BeforeAll
    static void paranoid() {
        assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
    }

    @AfterEach
    void noLeaks() throws InterruptedException {
        ends.forEach(e -> e.channel.finishAndReleaseAll());
        assertEquals(List.of(), LeakRecorder.collectLeaks());
    }

    private static LinkKeys keys() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return LinkKeys.fromEd25519Seed(seed);
    }

    private static byte[] cell(int size, int fill) {
        byte[] c = new byte[size];
        Arrays.fill(c, (byte) fill);
        return c;
    }

    private LinkEnd initiator(LinkSettings s, byte[] responderStatic) {
        LinkEnd end = LinkEnd.initiator(s, initiatorKeys, responderStatic);
        ends.add(end);
        return end;
    }

    private LinkEnd initiator() {
        return initiator(settings, responderKeys.publicKey());
    }

    private LinkEnd responder(LinkSettings s, PeerAuthorizer authorizer) {
        LinkEnd end = LinkEnd.responder(s.mirrored(), responderKeys, authorizer, gate);
        ends.add(end);
        return end;
    }

    private LinkEnd responder() {
        return responder(settings, PeerAuthorizer.ANYONE);
    }

    private LinkEnd[] established() {
        LinkEnd i = initiator();
        LinkEnd r = responder();
        LinkEnd.pump(i, r);
        assertEquals(1, i.established.size());
        assertEquals(1, r.established.size());
        return new LinkEnd[] {i, r};
    }

    private static void assertFailed(LinkEnd end, LinkException.Kind kind) {
        assertEquals(1, end.failures.size(), "failures: " + end.failures);
        assertEquals(kind, end.failures.get(0).kind());
        assertFalse(end.channel.isOpen());
    }

    @Test
    void handshake_matchingKeys_bothLearnThePeerAndOneSessionHash() {
        LinkEnd[] link = established();
        LinkEstablished i = link[0].established.get(0);
        LinkEstablished r = link[1].established.get(0);
        assertArrayEquals(responderKeys.publicKey(), i.remoteStatic());
        assertArrayEquals(initiatorKeys.publicKey(), r.remoteStatic());
        assertArrayEquals(i.handshakeHash(), r.handshakeHash());
        assertEquals(0, gate.running());
        assertEquals(List.of(), link[0].failures);
        assertEquals(List.of(), link[1].failures);
    }

    @Test
    void cells_bothWays_arriveInOrderInFramesOfOneLengthPerDirection() {
        LinkEnd[] link = established();
        for (int n = 0; n < 5; n++) {
            link[0].channel.writeAndFlush(cell(UP, n));
            link[1].channel.writeAndFlush(cell(DOWN, 100 + n));
        }
        List<byte[]> up = link[0].written();
        List<byte[]> down = link[1].written();
        up.forEach(f -> assertEquals(FRAME_UP, f.length));
        down.forEach(f -> assertEquals(LinkFrames.LENGTH_BYTES + DOWN + LinkFrames.TAG_BYTES, f.length));
        up.forEach(link[1]::receive);
        down.forEach(link[0]::receive);
        for (int n = 0; n < 5; n++) {
            assertArrayEquals(cell(UP, n), link[1].cells.get(n));
            assertArrayEquals(cell(DOWN, 100 + n), link[0].cells.get(n));
        }
        assertFalse(Arrays.equals(Arrays.copyOfRange(up.get(0), 2, 2 + UP), cell(UP, 0)), "cells go encrypted");
    }

    @Test
    void frames_splitAndCoalesced_yieldEveryCell() {
        LinkEnd i = initiator();
        LinkEnd r = responder();
        byte[] message1 = i.written().get(0);
        for (byte b : message1) {
            r.receive(new byte[] {b});
        }
        i.receive(r.written().get(0));
        // message 3 and two cells in one buffer
        i.channel.writeAndFlush(cell(UP, 1));
        i.channel.writeAndFlush(cell(UP, 2));
        List<byte[]> frames = i.written();
        int total = frames.stream().mapToInt(f -> f.length).sum();
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        r.receive(Arrays.copyOfRange(all, 0, 70));
        r.receive(Arrays.copyOfRange(all, 70, all.length));
        assertEquals(1, r.established.size());
        assertEquals(2, r.cells.size());
        assertArrayEquals(cell(UP, 2), r.cells.get(1));
    }

    @Test
    void write_beforeHandshake_isHeldThenSentInOrder() {
        LinkEnd i = initiator();
        LinkEnd r = responder();
        i.channel.writeAndFlush(cell(UP, 7));
        i.channel.writeAndFlush(cell(UP, 8));
        List<byte[]> sent = i.written();
        assertEquals(1, sent.size(), "only message 1 went out");
        r.receive(sent.get(0));
        LinkEnd.pump(i, r);
        assertEquals(2, r.cells.size());
        assertArrayEquals(cell(UP, 7), r.cells.get(0));
    }

    @Test
    void write_beforeHandshakeOverTheHold_isRefused() {
        LinkEnd i = initiator(settings.withMaxPendingCells(1), responderKeys.publicKey());
        i.channel.writeAndFlush(cell(UP, 1));
        ChannelFuture second = i.channel.writeAndFlush(cell(UP, 2));
        assertEquals(LinkException.Kind.PENDING_FULL, ((LinkException) second.cause()).kind());
        assertTrue(i.channel.isOpen());
    }

    @Test
    void write_wrongCellSizeOrType_isRefusedNotSentAndTheLinkGoesOn() {
        LinkEnd[] link = established();
        ChannelFuture wrongSize = link[0].channel.writeAndFlush(cell(UP - 1, 1));
        ChannelFuture wrongType = link[0].channel.writeAndFlush(Unpooled.wrappedBuffer(cell(UP, 1)));
        assertEquals(LinkException.Kind.WRONG_CELL_SIZE, ((LinkException) wrongSize.cause()).kind());
        assertEquals(LinkException.Kind.WRONG_CELL_SIZE, ((LinkException) wrongType.cause()).kind());
        assertEquals(2, link[0].failures.size());
        assertEquals(List.of(), link[0].written());
        link[0].channel.writeAndFlush(cell(UP, 3));
        LinkEnd.pump(link[0], link[1]);
        assertEquals(1, link[1].cells.size());
    }

    @Test
    void write_emptyBuffer_sendsNothingAndCompletesInOrder() {
        LinkEnd[] link = established();
        link[0].channel.write(cell(UP, 1));
        ChannelFuture marker = link[0].channel.writeAndFlush(Unpooled.EMPTY_BUFFER);
        assertTrue(marker.isSuccess());
        List<byte[]> frames = link[0].written();
        assertEquals(FRAME_UP, frames.get(0).length);
        assertTrue(frames.stream().skip(1).allMatch(f -> f.length == 0));
    }

    @Test
    void message1_garbled_responderClosesAsGarbledHandshake() {
        LinkEnd i = initiator();
        LinkEnd r = responder();
        byte[] message1 = i.written().get(0);
        message1[10] ^= 1;
        r.receive(message1);
        assertFailed(r, LinkException.Kind.GARBLED_HANDSHAKE);
        assertEquals(List.of(), r.written(), "a refused message 1 gets no answer");
        assertEquals(0, gate.running());
    }

    @Test
    void message1_wrongLength_responderClosesAsGarbledHandshake() {
        LinkEnd r = responder();
        r.receive(new byte[] {0, 49});
        assertFailed(r, LinkException.Kind.GARBLED_HANDSHAKE);
    }

    @Test
    void message3_garbled_responderClosesAsGarbledHandshake() {
        LinkEnd i = initiator();
        LinkEnd r = responder();
        r.receive(i.written().get(0));
        i.receive(r.written().get(0));
        byte[] message3 = i.written().get(0);
        message3[5] ^= 1;
        r.receive(message3);
        assertFailed(r, LinkException.Kind.GARBLED_HANDSHAKE);
        assertEquals(List.of(), r.established);
    }

    @Test
    void initiator_expectsAnotherResponderKey_responderRefusesAndInitiatorSeesTheClose() {
        LinkEnd i = initiator(settings, keys().publicKey());
        LinkEnd r = responder();
        r.receive(i.written().get(0));
        assertFailed(r, LinkException.Kind.GARBLED_HANDSHAKE);
        i.channel.close();
        assertFailed(i, LinkException.Kind.HANDSHAKE_INCOMPLETE);
    }

    @Test
    void initiator_notAuthorized_responderRefusesAtMessage3() {
        List<byte[]> asked = new ArrayList<>();
        LinkEnd i = initiator();
        LinkEnd r = responder(settings, key -> {
            asked.add(key);
            return false;
        });
        LinkEnd.pump(i, r);
        assertFailed(r, LinkException.Kind.UNAUTHORIZED_PEER);
        assertArrayEquals(initiatorKeys.publicKey(), asked.get(0));
        assertEquals(List.of(), r.established);
        assertEquals(0, gate.running());
    }

    @Test
    void linkKind_differs_responderRefuses() {
        LinkEnd i = initiator(LinkSettings.of("client", DOWN, UP), responderKeys.publicKey());
        LinkEnd r = responder();
        r.receive(i.written().get(0));
        assertFailed(r, LinkException.Kind.GARBLED_HANDSHAKE);
    }

    @Test
    void handshake_replayedToAFreshResponder_failsAtMessage3() {
        LinkEnd i = initiator();
        LinkEnd r = responder();
        byte[] message1 = i.written().get(0);
        r.receive(message1);
        i.receive(r.written().get(0));
        byte[] message3 = i.written().get(0);
        LinkEnd fresh = responder();
        fresh.receive(message1);
        fresh.receive(message3);
        assertFailed(fresh, LinkException.Kind.GARBLED_HANDSHAKE);
        assertEquals(List.of(), fresh.established);
    }

    @Test
    void frame_replayed_failsDecryption() {
        LinkEnd[] link = established();
        link[0].channel.writeAndFlush(cell(UP, 1));
        byte[] frame = link[0].written().get(0);
        link[1].receive(frame);
        link[1].receive(frame);
        assertEquals(1, link[1].cells.size());
        assertFailed(link[1], LinkException.Kind.DECRYPTION_FAILED);
    }

    @Test
    void frame_tampered_failsDecryptionAndNothingGoesUp() {
        LinkEnd[] link = established();
        link[0].channel.writeAndFlush(cell(UP, 1));
        byte[] frame = link[0].written().get(0);
        frame[FRAME_UP - 1] ^= 1;
        link[1].receive(frame);
        assertFailed(link[1], LinkException.Kind.DECRYPTION_FAILED);
        assertEquals(List.of(), link[1].cells);
    }

    @Test
    void frame_oversized_isRefusedOnItsLengthPrefix() {
        LinkEnd[] link = established();
        byte[] prefix = {0, (byte) (UP + LinkFrames.TAG_BYTES + 1)};
        link[1].receive(prefix);
        assertFailed(link[1], LinkException.Kind.BAD_FRAME_LENGTH);
    }

    @Test
    void frame_undersized_isRefusedOnItsLengthPrefix() {
        LinkEnd[] link = established();
        byte[] frame = new byte[2 + UP];
        frame[1] = (byte) UP;
        link[1].receive(frame);
        assertFailed(link[1], LinkException.Kind.BAD_FRAME_LENGTH);
    }

    @Test
    void frame_truncatedByClose_isCounted() {
        LinkEnd[] link = established();
        link[0].channel.writeAndFlush(cell(UP, 1));
        byte[] frame = link[0].written().get(0);
        link[1].receive(Arrays.copyOf(frame, frame.length - 1));
        link[1].channel.close();
        assertFailed(link[1], LinkException.Kind.TRUNCATED_FRAME);
        assertEquals(List.of(), link[1].cells);
    }

    @Test
    void handshake_notCompleteInTime_timesOutAndLeavesTheGate() {
        LinkEnd r = responder();
        assertEquals(1, gate.running());
        r.channel.advanceTimeBy(settings.handshakeTimeout().toMillis() - 1, TimeUnit.MILLISECONDS);
        r.channel.runScheduledPendingTasks();
        assertTrue(r.channel.isOpen());
        r.channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        r.channel.runScheduledPendingTasks();
        assertFailed(r, LinkException.Kind.HANDSHAKE_TIMEOUT);
        assertEquals(0, gate.running());
    }

    @Test
    void handshake_completed_cancelsTheTimeout() {
        LinkEnd[] link = established();
        link[1].channel.advanceTimeBy(settings.handshakeTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        link[1].channel.runScheduledPendingTasks();
        assertTrue(link[1].channel.isOpen());
        assertEquals(List.of(), link[1].failures);
    }

    @Test
    void gate_full_refusesBeforeAnyHandshakeWork() {
        for (int n = 0; n < 4; n++) {
            responder();
        }
        LinkEnd refused = responder();
        assertFailed(refused, LinkException.Kind.TOO_MANY_HANDSHAKES);
        assertEquals(4, gate.running());
    }

    @Test
    void rekey_intervalCrossedWithCellsFlowing_everyCellArrives() {
        LinkSettings rekeying = settings.withRekeyInterval(3);
        LinkEnd i = initiator(rekeying, responderKeys.publicKey());
        LinkEnd r = responder(rekeying, PeerAuthorizer.ANYONE);
        LinkEnd.pump(i, r);
        for (int n = 0; n < 20; n++) {
            i.channel.writeAndFlush(cell(UP, n));
            r.channel.writeAndFlush(cell(DOWN, n));
            if (n % 4 == 0) {
                LinkEnd.pump(i, r);
            }
        }
        LinkEnd.pump(i, r);
        assertEquals(20, r.cells.size());
        assertEquals(20, i.cells.size());
        assertArrayEquals(cell(UP, 19), r.cells.get(19));
        assertEquals(List.of(), r.failures);
    }

    @Test
    void rekey_onOneSideOnly_failsAtTheFirstRekeyedCell() {
        LinkEnd i = initiator(settings.withRekeyInterval(3), responderKeys.publicKey());
        LinkEnd r = responder(settings.withRekeyInterval(4), PeerAuthorizer.ANYONE);
        LinkEnd.pump(i, r);
        for (int n = 0; n < 4; n++) {
            i.channel.writeAndFlush(cell(UP, n));
        }
        LinkEnd.pump(i, r);
        assertEquals(3, r.cells.size(), "cells before the rekey decrypt, the first after it does not");
        assertFailed(r, LinkException.Kind.DECRYPTION_FAILED);
    }

    @Test
    void failure_failsHeldWrites() {
        LinkEnd i = initiator();
        ChannelFuture held = i.channel.writeAndFlush(cell(UP, 1));
        i.receive(new byte[] {0, 1, 0});
        assertFailed(i, LinkException.Kind.GARBLED_HANDSHAKE);
        assertInstanceOf(LinkException.class, held.cause());
    }

    @Test
    void leakCheck_unreleasedBuffer_isReported() throws InterruptedException {
        leakOne();
        assertFalse(LeakRecorder.collectLeaks().isEmpty(), "the leak check would not see a leak");
    }

    /** A buffer nobody releases, unreachable once this returns. */
    private static void leakOne() {
        PooledByteBufAllocator.DEFAULT.buffer(8).writeByte(1);
    }
}
