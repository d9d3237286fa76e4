/**
 * What EJBs compile against to reach the ledger through the resource adapter (scope provided): outbound
 * {@link nym.ledger.jca.LedgerConnectionFactory} / {@link nym.ledger.jca.LedgerConnection}, inbound
 * {@link nym.ledger.jca.LedgerListener} receiving {@link nym.ledger.jca.LedgerEvent}s with stable
 * {@link nym.ledger.jca.EventId}s (consumers keep their cursor with {@link nym.ledger.jca.JdbcEventCursor}), and the
 * one exception type {@link nym.ledger.jca.LedgerException}.
 *
 * <p>Pure Java SE: no jakarta.* types, so the same types serve clients outside the container.
 */
package nym.ledger.jca;
