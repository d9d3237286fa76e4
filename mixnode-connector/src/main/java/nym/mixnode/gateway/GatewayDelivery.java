package nym.mixnode.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.gateway.api.Delivered;
import nym.mixnode.metrics.DropReason;
import nym.mixnode.metrics.NodeMetrics;
import nym.sphinx.ProcessResult;

/**
 * The gateway as the final Sphinx hop: a packet for a registered client is stored in its inbox (on disk first, so it
 * survives a restart) and, if the client has a push session open, pushed to it. What is stored is the final hop's
 * identifier and the whole payload body, opaque: the gateway checks nothing in it and cannot tell a reply, a loop or a
 * message apart (they are ciphertext of one size; the client opens them). The final-hop delay is not applied:
 * the message waits in the inbox anyway. Packets for unknown clients are dropped ({@link DropReason#UNKNOWN_CLIENT}).
 */
public final class GatewayDelivery {

    private static final Logger LOG = Logger.getLogger(GatewayDelivery.class.getName());

    private final ClientRegistry registry;
    private final InboxStore inboxes;
    private final NodeMetrics metrics;
    private final Map<String, ClientSessionHandler> pushSessions = new ConcurrentHashMap<>();

    public GatewayDelivery(ClientRegistry registry, InboxStore inboxes, NodeMetrics metrics) {
        this.registry = registry;
        this.inboxes = inboxes;
        this.metrics = metrics;
    }

    /** Called by a crypto worker with a packet whose final hop is this gateway. */
    public void deliver(ProcessResult.Final packet) {
        byte[] clientId = packet.destination().toBytes();
        if (!registry.isRegistered(clientId)) {
            metrics.dropped(DropReason.UNKNOWN_CLIENT);
            return;
        }
        try {
            inboxes.of(clientId).append(new Delivered(packet.identifier().toBytes(), packet.body()));
        } catch (IOException | UncheckedIOException e) {
            metrics.dropped(DropReason.INBOX_WRITE_FAILED);
            LOG.log(Level.WARNING, "inbox write failed", e);
            return;
        }
        metrics.delivered();
        ClientSessionHandler session = pushSessions.get(HexFormat.of().formatHex(clientId));
        if (session != null) {
            session.pushWaiting();
        }
    }

    ClientRegistry registry() {
        return registry;
    }

    Inbox inbox(byte[] clientId) {
        return inboxes.of(clientId);
    }

    void attachPush(byte[] clientId, ClientSessionHandler session) {
        pushSessions.put(HexFormat.of().formatHex(clientId), session);
    }

    void detachPush(byte[] clientId, ClientSessionHandler session) {
        pushSessions.remove(HexFormat.of().formatHex(clientId), session);
    }
}
