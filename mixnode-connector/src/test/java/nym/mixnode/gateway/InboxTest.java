package nym.mixnode.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import nym.gateway.api.Delivered;
import nym.mixnode.bandwidth.BandwidthSettings;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.sphinx.NodeAddress;
import nym.sphinx.ProcessResult;
import nym.sphinx.SurbId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {

    private static final GatewayBandwidth UNMETERED = GatewayBandwidth.unmetered(BandwidthSettings.UNMETERED);

    private static final long RESEND = 5_000_000_000L;

    @TempDir
    Path tmp;

    private static Delivered message(int i) {
        return new Delivered(new byte[16], new byte[] {(byte) i});
    }

    private static byte[] id(int i) {
        byte[] id = new byte[32];
        id[0] = (byte) i;
        return id;
    }

    @Test
    void append_overCapacity_dropsOldestAndCountsAcrossRestart() throws Exception {
        InboxStore store = new InboxStore(tmp, 3);
        for (int i = 0; i < 5; i++) {
            store.of(id(9)).append(message(i));
        }
        assertEquals(3, store.of(id(9)).size());
        assertEquals(2, store.of(id(9)).droppedTotal());

        Inbox inbox = new InboxStore(tmp, 3).of(id(9));
        assertEquals(3, inbox.size());
        assertEquals(2, inbox.droppedTotal());
        for (int i = 2; i < 5; i++) {
            assertArrayEquals(
                    message(i).toBytes(), inbox.nextToSend(0, RESEND).message().toBytes());
        }
        inbox.append(message(5));
        assertEquals(3, inbox.droppedTotal());
    }

    @Test
    void acknowledge_removesDurablyAndOnlyThatMessage() throws Exception {
        Inbox inbox = new InboxStore(tmp, 10).of(id(1));
        long a = inbox.append(message(1));
        long b = inbox.append(message(2));
        assertEquals(a, inbox.nextToSend(0, RESEND).seq());
        inbox.acknowledge(a);
        inbox.acknowledge(a);
        assertEquals(1, inbox.size());

        Inbox reopened = new InboxStore(tmp, 10).of(id(1));
        assertEquals(1, reopened.size(), "the acknowledgement survives a restart");
        assertEquals(b, reopened.nextToSend(0, RESEND).seq());
        try (var files = Files.list(tmp.resolve(java.util.HexFormat.of().formatHex(id(1))))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".msg")).count(), "no temporary left");
        }
    }

    @Test
    void nextToSend_inFlight_notAgainBeforeTheTimeoutThenOnce() throws Exception {
        Inbox inbox = new InboxStore(tmp, 10).of(id(1));
        long a = inbox.append(message(1));
        long b = inbox.append(message(2));
        assertEquals(a, inbox.nextToSend(0, RESEND).seq());
        assertEquals(b, inbox.nextToSend(1, RESEND).seq());
        assertNull(inbox.nextToSend(RESEND - 1, RESEND), "both in flight");
        assertEquals(a, inbox.nextToSend(RESEND, RESEND).seq());
        assertNull(inbox.nextToSend(RESEND, RESEND), "b's copy is still in flight");
        inbox.forgetInFlight();
        assertEquals(a, inbox.nextToSend(RESEND, RESEND).seq(), "a new session sends at once");
    }

    @Test
    void inbox_corruptFile_skippedAndRemoved() throws Exception {
        Inbox inbox = new InboxStore(tmp, 10).of(id(2));
        long bad = inbox.append(message(1));
        long good = inbox.append(message(2));
        Files.write(
                tmp.resolve(java.util.HexFormat.of().formatHex(id(2))).resolve(String.format("%020d.msg", bad)),
                new byte[] {9});
        assertEquals(good, inbox.nextToSend(0, RESEND).seq());
        assertEquals(1, inbox.size());
    }

    @Test
    void registry_capAndRestart_keepRegistrationsRefuseBeyondTheCap() throws Exception {
        ClientRegistry registry = new ClientRegistry(tmp.resolve("clients"), 2, Clock.systemUTC());
        assertEquals(ClientRegistry.Registration.ADDED, registry.register(id(1)));
        assertEquals(ClientRegistry.Registration.ALREADY_REGISTERED, registry.register(id(1)));
        assertEquals(ClientRegistry.Registration.ADDED, registry.register(id(2)));
        assertEquals(ClientRegistry.Registration.FULL, registry.register(id(3)));
        ClientRegistry reopened = new ClientRegistry(tmp.resolve("clients"), 2, Clock.systemUTC());
        assertTrue(reopened.isRegistered(id(1)));
        assertTrue(reopened.isRegistered(id(2)));
        assertFalse(reopened.isRegistered(id(3)));
    }

    @Test
    void expireIdle_idleClient_registrationAndInboxDeletedAndCounted() throws Exception {
        MutableClock clock = new MutableClock();
        GatewaySettings settings = GatewaySettings.DEFAULTS.withInboxIdleExpiry(Duration.ofHours(1));
        ClientRegistry registry = new ClientRegistry(tmp.resolve("clients"), 10, clock);
        InboxStore inboxes = new InboxStore(tmp.resolve("inboxes"), 10);
        GatewayCounters counters = new GatewayCounters();
        GatewayDelivery delivery = new GatewayDelivery(
                registry, inboxes, new NodeMetrics(), counters, Runnable::run, settings, clock, () -> 0, UNMETERED);
        registry.register(id(1));
        registry.register(id(2));
        inboxes.of(id(1)).append(message(1));

        clock.advance(Duration.ofMinutes(40));
        registry.markActive(id(2));
        clock.advance(Duration.ofMinutes(30));
        delivery.expireIdle();

        assertFalse(registry.isRegistered(id(1)));
        assertTrue(registry.isRegistered(id(2)), "active 30 minutes ago");
        assertEquals(1, counters.inboxesExpired());
        assertFalse(Files.exists(
                tmp.resolve("inboxes").resolve(java.util.HexFormat.of().formatHex(id(1)))));
        assertFalse(new ClientRegistry(tmp.resolve("clients"), 10, clock).isRegistered(id(1)), "durably");
    }

    /** A final-hop result for {@code clientId} as a crypto worker hands it over (the one place that builds one). */
    private static ProcessResult.Final finalPacket(byte[] clientId) {
        return new ProcessResult.Final(NodeAddress.of(clientId), SurbId.of(new byte[16]), new byte[] {1}, 0, null);
    }

    @Test
    void deliver_fromACryptoWorker_writesOnlyOnTheStorageExecutorAndCountsAfterTheWrite() throws Exception {
        List<Runnable> storage = new ArrayList<>();
        NodeMetrics metrics = new NodeMetrics();
        ClientRegistry registry = new ClientRegistry(tmp.resolve("clients"), 10, Clock.systemUTC());
        InboxStore inboxes = new InboxStore(tmp.resolve("inboxes"), 10);
        GatewayDelivery delivery = new GatewayDelivery(
                registry,
                inboxes,
                metrics,
                new GatewayCounters(),
                storage::add,
                GatewaySettings.DEFAULTS,
                Clock.systemUTC(),
                () -> 0,
                UNMETERED);
        registry.register(id(1));

        delivery.deliver(finalPacket(id(1)));
        assertEquals(0, inboxes.of(id(1)).size(), "nothing written on the caller's thread");
        assertEquals(0, metrics.snapshot().delivered());
        assertEquals(1, storage.size());
        storage.get(0).run();
        assertEquals(1, inboxes.of(id(1)).size());
        assertEquals(1, metrics.snapshot().delivered());
    }

    @Test
    void deliver_storageQueueFull_droppedAndCounted() throws Exception {
        NodeMetrics metrics = new NodeMetrics();
        GatewayCounters counters = new GatewayCounters();
        ClientRegistry registry = new ClientRegistry(tmp.resolve("clients"), 10, Clock.systemUTC());
        GatewayDelivery delivery = new GatewayDelivery(
                registry,
                new InboxStore(tmp.resolve("inboxes"), 10),
                metrics,
                counters,
                task -> {
                    throw new RejectedExecutionException("full");
                },
                GatewaySettings.DEFAULTS,
                Clock.systemUTC(),
                () -> 0,
                UNMETERED);
        registry.register(id(1));
        delivery.deliver(finalPacket(id(1)));
        assertEquals(1, metrics.snapshot().dropped(DropReason.INBOX_WRITE_FAILED));
        assertEquals(1, counters.storageBusy());
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
