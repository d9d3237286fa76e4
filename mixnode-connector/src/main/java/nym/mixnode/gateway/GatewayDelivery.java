package nym.mixnode.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.gateway.api.Delivered;
import nym.mixnode.bandwidth.GatewayBandwidth;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.sphinx.ProcessResult;

/**
 * The gateway's client side state: registrations, inboxes, open sessions, and the storage executor all their file I/O
 * runs on (a small bounded executor: never a Netty event loop, never a crypto worker). As the final Sphinx hop it
 * stores a packet for a registered client in that client's inbox, durably, before counting it delivered; sessions
 * fetch it from there at their own fixed rate, so nothing here wakes a session. Packets for unknown clients are
 * dropped ({@link DropReason#UNKNOWN_CLIENT}), so are packets for a client of a metered gateway with less bandwidth
 * left than one packet costs ({@link DropReason#NO_BANDWIDTH}; charged when stored); when the storage executor's queue is full a packet is dropped
 * ({@link DropReason#INBOX_WRITE_FAILED}, also counted as {@link GatewayCounters#storageBusy()}).
 * What is stored is the final hop's identifier and the whole payload body, opaque: the gateway checks nothing in it
 * and cannot tell a reply, a loop or a message apart (they are ciphertext of one size; the client opens them).
 */
public final class GatewayDelivery {

    private static final Logger LOG = Logger.getLogger(GatewayDelivery.class.getName());
    private static final HexFormat HEX = HexFormat.of();

    private final ClientRegistry registry;
    private final InboxStore inboxes;
    private final NodeMetrics metrics;
    private final GatewayCounters counters;
    private final Executor storage;
    private final GatewaySettings settings;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final GatewayBandwidth bandwidth;
    private final Map<String, ClientSessionHandler> sessions = new ConcurrentHashMap<>();

    /**
     * @param storage runs every file operation; bounded (a full queue rejects)
     * @param nanoTime the monotonic clock for resend timeouts ({@code System::nanoTime} outside tests)
     * @param bandwidth what clients pay (every packet stored for a client is charged to it)
     */
    public GatewayDelivery(
            ClientRegistry registry,
            InboxStore inboxes,
            NodeMetrics metrics,
            GatewayCounters counters,
            Executor storage,
            GatewaySettings settings,
            Clock clock,
            LongSupplier nanoTime,
            GatewayBandwidth bandwidth) {
        this.registry = registry;
        this.inboxes = inboxes;
        this.metrics = metrics;
        this.counters = counters;
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.bandwidth = bandwidth;
    }

    /** Called by a crypto worker with a packet whose final hop is this gateway: stored on the storage executor. */
    public void deliver(ProcessResult.Final packet) {
        byte[] clientId = packet.destination().toBytes();
        Delivered message = delivered(packet);
        if (!runOnStorage(() -> store(clientId, message))) {
            metrics.dropped(DropReason.INBOX_WRITE_FAILED);
        }
    }

    /** What the inbox keeps of a final-hop packet: opaque to the gateway. */
    private static Delivered delivered(ProcessResult.Final packet) {
        return new Delivered(packet.identifier().toBytes(), packet.body());
    }

    private void store(byte[] clientId, Delivered message) {
        if (!registry.isRegistered(clientId)) {
            metrics.dropped(DropReason.UNKNOWN_CLIENT);
            return;
        }
        if (!bandwidth.meter().chargePacket(clientId)) {
            metrics.dropped(DropReason.NO_BANDWIDTH);
            return;
        }
        try {
            inboxes.of(clientId).append(message);
        } catch (IOException | UncheckedIOException e) {
            bandwidth.meter().refundPacket(clientId);
            metrics.dropped(DropReason.INBOX_WRITE_FAILED);
            LOG.log(Level.WARNING, "inbox write failed", e);
            return;
        }
        metrics.delivered();
    }

    /**
     * Deletes the registration and inbox of every client idle for longer than the configured expiry and without an
     * open session, counting each. Runs on the storage executor ({@link #scheduleIdleExpiry} puts it there).
     */
    public void expireIdle() {
        long cutoff = clock.millis() - settings.inboxIdleExpiry().toMillis();
        for (String id : registry.idleSince(cutoff)) {
            if (sessions.containsKey(id)) {
                continue;
            }
            try {
                registry.unregister(id);
                inboxes.destroy(id);
                counters.inboxExpired();
            } catch (IOException | UncheckedIOException e) {
                LOG.log(Level.WARNING, "cannot delete an expired inbox", e);
            }
        }
    }

    /** Hands {@link #expireIdle} to the storage executor (for a periodic timer on another thread). */
    public void scheduleIdleExpiry() {
        runOnStorage(this::expireIdle);
    }

    /** Runs {@code task} on the storage executor; false (counted) if its queue is full. */
    boolean runOnStorage(Runnable task) {
        try {
            storage.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            counters.storageRejected();
            return false;
        }
    }

    /** The session of {@code clientId} is now {@code session}; a previous one is closed (one session per client). */
    void attach(byte[] clientId, ClientSessionHandler session) {
        ClientSessionHandler previous = sessions.put(HEX.formatHex(clientId), session);
        if (previous != null && previous != session) {
            previous.closeReplaced();
        }
    }

    void detach(byte[] clientId, ClientSessionHandler session) {
        sessions.remove(HEX.formatHex(clientId), session);
    }

    public GatewayCounters counters() {
        return counters;
    }

    ClientRegistry registry() {
        return registry;
    }

    Inbox inbox(byte[] clientId) {
        return inboxes.of(clientId);
    }

    GatewayBandwidth bandwidth() {
        return bandwidth;
    }

    GatewaySettings settings() {
        return settings;
    }

    long nanoTime() {
        return nanoTime.getAsLong();
    }
}
