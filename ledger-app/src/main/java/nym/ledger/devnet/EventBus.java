package nym.ledger.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Publishes NewBlock and Tx events to subscribers whose query matches the event's composite keys
 * ({@code tm.event}, {@code tx.hash}, {@code tx.height}, {@code <type>.<key>}). Delivery is synchronous from the
 * block producer, in block order, so a subscriber sees every matching event in order.
 */
public final class EventBus {

    /** A published event: its composite-key map and its {@code data} ({type, value}). */
    public record Published(Map<String, List<String>> events, JsonNode data) {}

    public record Subscription(Object owner, EventQuery query, Consumer<Published> sink) {}

    private final List<Subscription> subs = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Object owner, EventQuery q, Consumer<Published> sink) {
        Subscription s = new Subscription(owner, q, sink);
        subs.add(s);
        return s;
    }

    /** Removes the owner's subscriptions with this query text; returns whether any existed. */
    public boolean unsubscribe(Object owner, String query) {
        return subs.removeIf(s -> s.owner() == owner && s.query().source().equals(query));
    }

    public void unsubscribeAll(Object owner) {
        subs.removeIf(s -> s.owner() == owner);
    }

    public boolean has(Object owner, String query) {
        return subs.stream()
                .anyMatch(s -> s.owner() == owner && s.query().source().equals(query));
    }

    public int count(Object owner) {
        return (int) subs.stream().filter(s -> s.owner() == owner).count();
    }

    public void publish(Map<String, List<String>> events, Supplier<JsonNode> data) {
        JsonNode d = null;
        for (Subscription s : subs) {
            if (s.query().matches(events)) {
                if (d == null) {
                    d = data.get();
                }
                s.sink().accept(new Published(events, d));
            }
        }
    }
}
