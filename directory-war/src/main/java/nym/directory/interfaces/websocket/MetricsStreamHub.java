package nym.directory.interfaces.websocket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.application.DirectoryConfig;
import nym.directory.application.LiveMetricsSubscribers;

/**
 * This instance's {@code /ws} subscribers. Each report is sent asynchronously to every open session; a session with
 * more than {@code nym.directory.ws.max-pending} sends not yet completed is slow and is closed (1008), so a slow
 * reader never holds up the others or fills memory.
 */
@ApplicationScoped
public class MetricsStreamHub implements LiveMetricsSubscribers {

    private static final Logger LOG = Logger.getLogger(MetricsStreamHub.class.getName());

    @Inject
    DirectoryConfig config;

    private final Map<Session, AtomicInteger> sessions = new ConcurrentHashMap<>();
    private volatile int maxPending = 64;

    @jakarta.annotation.PostConstruct
    void configure() {
        maxPending = config.wsMaxPending();
    }

    void add(Session session) {
        sessions.put(session, new AtomicInteger());
    }

    void remove(Session session) {
        sessions.remove(session);
    }

    public int subscribers() {
        return sessions.size();
    }

    @Override
    public void deliver(String reportJson) {
        int maxPending = this.maxPending;
        sessions.forEach((session, pending) -> {
            if (!session.isOpen()) {
                sessions.remove(session);
                return;
            }
            if (pending.incrementAndGet() > maxPending) {
                drop(session, "too slow: more than " + maxPending + " messages pending");
                return;
            }
            try {
                session.getAsyncRemote().sendText(reportJson, result -> {
                    pending.decrementAndGet();
                    if (!result.isOK()) {
                        drop(session, "send failed");
                    }
                });
            } catch (RuntimeException e) {
                drop(session, "send refused: " + e.getMessage());
            }
        });
    }

    private void drop(Session session, String why) {
        if (sessions.remove(session) == null) {
            return;
        }
        LOG.fine(() -> "dropping WebSocket subscriber " + session.getId() + ": " + why);
        try {
            session.close(new CloseReason(
                    CloseReason.CloseCodes.VIOLATED_POLICY, why.length() > 100 ? why.substring(0, 100) : why));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a dropped subscriber", e);
        }
    }
}
