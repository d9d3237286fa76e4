package nym.ledger.jca;

/**
 * The message listener interface of the adapter's inbound side: an MDB implementing it, bound to the adapter
 * ({@code @ResourceAdapter("nym#ledger-jca")}) and activated with a query, receives every matching ledger event
 * once, in chain order (ascending {@link EventId}), one at a time.
 *
 * <p>Delivery is at least once across crashes: the adapter records the last delivered id after each event, so an
 * event may be delivered again only if the server stops between delivery and that record. Consumers record ids to
 * be exactly once. An exception thrown from {@link #onEvent} stops delivery to this endpoint: the adapter retries
 * the same event after a pause, never skipping it.
 */
public interface LedgerListener {

    void onEvent(LedgerEvent event);
}
