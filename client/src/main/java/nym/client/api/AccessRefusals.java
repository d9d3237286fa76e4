package nym.client.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Local API requests refused, by reason (reported in {@code stats}); monotonic, thread-safe. */
public final class AccessRefusals {

    /** Why {@link ApiAccessGuard} refused a request; each refusal is an HTTP 403 with the explanation. */
    public enum Reason {
        /** The Host header is not the API's loopback address (DNS rebinding: another name that resolves here). */
        WRONG_HOST("the Host header must be the local API's address"),
        /** An Origin header: the request comes from a web page in a browser. */
        ORIGIN("requests from web pages (with an Origin header) are refused: the local API is for the local"
                + " user's programs"),
        /** No {@code Authorization: Bearer} header. */
        MISSING_SECRET("missing 'Authorization: Bearer <secret>'; the secret is in the api.secret file of the"
                + " running client's home"),
        /** A secret that is not this run's. */
        WRONG_SECRET("wrong API secret (a new one is written to api.secret by every `nymclient run`)");

        private final String explanation;

        Reason(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    private final Map<Reason, LongAdder> counts = new EnumMap<>(Reason.class);

    public AccessRefusals() {
        for (Reason reason : Reason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    void refused(Reason reason) {
        counts.get(reason).increment();
    }

    public long count(Reason reason) {
        return counts.get(reason).sum();
    }
}
