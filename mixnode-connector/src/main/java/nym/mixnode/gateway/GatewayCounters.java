package nym.mixnode.gateway;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import nym.link.LinkException;
import nym.mixnode.bandwidth.BandwidthCounters;

/**
 * What the client listener refused and expired, by reason (never by client). Each refusal closed exactly one
 * connection. Thread-safe.
 */
public final class GatewayCounters {

    /** Why a client link was closed after its Noise handshake completed. */
    public enum SessionRefusal {
        /** A cell that does not parse. */
        MALFORMED_CELL,
        /** Register or Authenticate for a client id whose X25519 form is not the link's static key. */
        WRONG_STATIC_KEY,
        /** A ChallengeResponse that does not verify for this link's challenge (a replay or a forgery). */
        BAD_REGISTRATION,
        /** Authenticate for a client id not registered here. */
        NOT_REGISTERED,
        /** Register while the registry is full. */
        REGISTRATIONS_FULL
    }

    private final Map<LinkException.Kind, LongAdder> links = new EnumMap<>(LinkException.Kind.class);
    private final Map<SessionRefusal, LongAdder> sessions = new EnumMap<>(SessionRefusal.class);
    private final LongAdder inboxesExpired = new LongAdder();
    private final LongAdder storageBusy = new LongAdder();
    private final BandwidthCounters bandwidth = new BandwidthCounters();

    public GatewayCounters() {
        for (LinkException.Kind k : LinkException.Kind.values()) {
            links.put(k, new LongAdder());
        }
        for (SessionRefusal r : SessionRefusal.values()) {
            sessions.put(r, new LongAdder());
        }
    }

    void linkFailed(LinkException failure) {
        links.get(failure.kind()).increment();
    }

    void refused(SessionRefusal reason) {
        sessions.get(reason).increment();
    }

    void inboxExpired() {
        inboxesExpired.increment();
    }

    /** A delivery or an acknowledgement found the storage executor's queue full (the delivery is dropped). */
    void storageRejected() {
        storageBusy.increment();
    }

    public long linkFailures(LinkException.Kind kind) {
        return links.get(kind).sum();
    }

    public long refusals(SessionRefusal reason) {
        return sessions.get(reason).sum();
    }

    public long inboxesExpired() {
        return inboxesExpired.sum();
    }

    public long storageBusy() {
        return storageBusy.sum();
    }

    /** Spends, deposits and bytes of bandwidth (zero on an unmetered gateway). */
    public BandwidthCounters bandwidth() {
        return bandwidth;
    }

    /** Every counter by name ({@code link_<kind>}, {@code session_<reason>}, ...), lower case, for logs and metrics. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        links.forEach((k, v) -> out.put("link_" + k.name().toLowerCase(), v.sum()));
        sessions.forEach((k, v) -> out.put("session_" + k.name().toLowerCase(), v.sum()));
        out.put("inboxes_expired", inboxesExpired.sum());
        out.put("storage_busy", storageBusy.sum());
        return out;
    }
}
