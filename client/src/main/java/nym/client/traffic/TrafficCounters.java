package nym.client.traffic;

import java.util.concurrent.atomic.AtomicLong;

/** What a client has sent and received, by kind; monotonic counters, thread-safe. */
public final class TrafficCounters {

    public final AtomicLong realSent = new AtomicLong();
    public final AtomicLong repliesSent = new AtomicLong();
    public final AtomicLong loopsSent = new AtomicLong();
    public final AtomicLong dropsSent = new AtomicLong();
    /** Stream ticks that could not send (no route, no gateway session). */
    public final AtomicLong sendFailures = new AtomicLong();

    public final AtomicLong messagesReceived = new AtomicLong();
    public final AtomicLong repliesReceived = new AtomicLong();
    public final AtomicLong loopsReceived = new AtomicLong();
    /**
     * Deliveries that did not open: neither a reply to one of our SURBs nor a payload sealed to our key, or changed on
     * the way (the integrity check failed).
     */
    public final AtomicLong unopenedReceived = new AtomicLong();
    /** Deliveries that opened but held no client message (unknown kind, a drop, wrong length). */
    public final AtomicLong malformedReceived = new AtomicLong();
    /** Messages dropped from the local inbox because applications did not fetch them. */
    public final AtomicLong inboxOverflow = new AtomicLong();
    /** Errors the gateway reported for this session. */
    public final AtomicLong gatewayErrors = new AtomicLong();

    public Snapshot snapshot() {
        return new Snapshot(
                realSent.get(),
                repliesSent.get(),
                loopsSent.get(),
                dropsSent.get(),
                sendFailures.get(),
                messagesReceived.get(),
                repliesReceived.get(),
                loopsReceived.get(),
                unopenedReceived.get(),
                malformedReceived.get(),
                inboxOverflow.get(),
                gatewayErrors.get());
    }

    /** The counters at one moment. */
    public record Snapshot(
            long realSent,
            long repliesSent,
            long loopsSent,
            long dropsSent,
            long sendFailures,
            long messagesReceived,
            long repliesReceived,
            long loopsReceived,
            long unopenedReceived,
            long malformedReceived,
            long inboxOverflow,
            long gatewayErrors) {}
}
