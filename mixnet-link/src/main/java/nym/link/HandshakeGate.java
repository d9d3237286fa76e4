package nym.link;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the handshakes one listener runs at once: a responder takes a place when its connection becomes active and
 * gives it back when the handshake completes or the connection fails. A connection that finds no place is closed
 * before any DH operation ({@link LinkException.Kind#TOO_MANY_HANDSHAKES}); together with the handshake timeout this
 * bounds what half-open handshakes cost a listener. Share one gate among the connections of one listener.
 */
public final class HandshakeGate {

    public static final int DEFAULT_MAX_CONCURRENT = 128;

    private final int max;
    private final AtomicInteger running = new AtomicInteger();

    public HandshakeGate(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a gate needs at least one place");
        }
        this.max = max;
    }

    boolean tryEnter() {
        while (true) {
            int now = running.get();
            if (now >= max) {
                return false;
            }
            if (running.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void leave() {
        running.decrementAndGet();
    }

    /** Handshakes running now. */
    public int running() {
        return running.get();
    }
}
