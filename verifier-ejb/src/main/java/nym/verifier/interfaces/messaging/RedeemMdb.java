package nym.verifier.interfaces.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nym.ledger.jca.EventId;
import nym.ledger.jca.JdbcEventCursor;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerListener;
import nym.verifier.application.VerificationService;
import nym.verifier.application.VerifierRole;

/**
 * The ledger's {@code redeem} events, in chain order, through the ledger adapter ({@code nym#ledger-jca}, bound in
 * glassfish-ejb-jar.xml): parses the event and hands the deposit to the verification service, and records the event
 * as this authority's cursor in the same transaction. A ledger that cannot take the vote makes {@code onEvent} fail,
 * and the adapter offers the event again, for about a quarter of an hour (20 attempts, pauses doubling up to a
 * minute) before it becomes a dead letter: a ledger outage must not cost votes.
 */
@MessageDriven(
        messageListenerInterface = LedgerListener.class,
        activationConfig = {
            @ActivationConfigProperty(propertyName = "query", propertyValue = "redeem.deposit_id EXISTS"),
            @ActivationConfigProperty(propertyName = "eventTypes", propertyValue = "redeem"),
            @ActivationConfigProperty(propertyName = "subscriberId", propertyValue = "verifier"),
            @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "20")
        })
public class RedeemMdb implements LedgerListener {

    private static final Logger LOG = Logger.getLogger(RedeemMdb.class.getName());

    @Inject
    VerificationService verification;

    @Inject
    VerifierRole role;

    @Resource(lookup = "jdbc/nym")
    DataSource database;

    /** This authority's cursor: row {@code verifier/<authority>} of ledger_cursor, in the effect's transaction. */
    private JdbcEventCursor cursor() {
        return new JdbcEventCursor(database, "verifier/" + role.authority());
    }

    @Override
    public Optional<EventId> lastDelivered() {
        return cursor().lastDelivered();
    }

    @Override
    public void onEvent(LedgerEvent event) {
        RedeemEvent.parse(event)
                .ifPresentOrElse(
                        verification::onRedeem,
                        () -> LOG.severe(() -> "skipped a redeem event the ledger should not emit: " + event.id() + " "
                                + event.attributes()));
        cursor().record(event.id());
    }
}
