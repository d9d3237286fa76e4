package nym.ledger.jca;

import java.util.Optional;

/**
 * The message listener interface of the adapter's inbound side: an MDB implementing it, bound to the adapter
 * ({@code nym#ledger-jca}) and activated with a query, receives every matching ledger event once, in chain order
 * (ascending {@link EventId}), one at a time.
 *
 * <p>The consumer owns its cursor: {@link #onEvent} records {@code event.id()} in the consumer's own database in the
 * same container transaction as its effect (see {@link JdbcEventCursor}), and {@link #lastDelivered} reads it back.
 * The adapter asks for it whenever delivery (re)starts and delivers only events after it, so an effect and its
 * cursor commit or roll back together: no event is delivered twice, none is skipped, across crashes too.
 *
 * <p>An exception thrown from {@link #onEvent} (its transaction rolled back) makes the adapter offer the same event
 * again after a growing pause, never a later one first; after the activation's {@code maxDeliveries} attempts the
 * event is a dead letter (logged, recorded by the adapter, counted) and delivery goes on with the next event.
 */
public interface LedgerListener {

    /** Handles one event and records {@code event.id()} as this consumer's cursor, in one transaction. */
    void onEvent(LedgerEvent event);

    /** The id {@link #onEvent} last recorded (committed), empty when it recorded none yet. */
    Optional<EventId> lastDelivered();
}
