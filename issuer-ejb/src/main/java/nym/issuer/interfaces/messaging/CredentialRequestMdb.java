package nym.issuer.interfaces.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import nym.issuer.application.IssuanceService;
import nym.issuer.application.IssuerRole;
import nym.ledger.jca.EventId;
import nym.ledger.jca.JdbcEventCursor;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerListener;

/**
 * The ledger's {@code credential_request} events, in chain order, through the ledger adapter
 * ({@code nym#ledger-jca}, bound in glassfish-ejb-jar.xml): parses the event and hands it to the issuance
 * service, and records the event as this authority's cursor (ledger_cursor row {@code issuer/<authority>}) in the
 * same transaction, so every authority sees every request once.
 */
@MessageDriven(
        messageListenerInterface = LedgerListener.class,
        activationConfig = {
            @ActivationConfigProperty(propertyName = "query", propertyValue = "credential_request.request_id EXISTS"),
            @ActivationConfigProperty(propertyName = "eventTypes", propertyValue = "credential_request"),
            @ActivationConfigProperty(propertyName = "subscriberId", propertyValue = "issuer")
        })
public class CredentialRequestMdb implements LedgerListener {

    private static final Logger LOG = Logger.getLogger(CredentialRequestMdb.class.getName());

    @Inject
    IssuanceService issuance;

    @Inject
    IssuerRole role;

    @Resource(lookup = "jdbc/nym")
    DataSource database;

    /** This authority's cursor: row {@code issuer/<authority>} of ledger_cursor, in the effect's transaction. */
    private JdbcEventCursor cursor() {
        return new JdbcEventCursor(database, "issuer/" + role.authority());
    }

    @Override
    public Optional<EventId> lastDelivered() {
        return cursor().lastDelivered();
    }

    @Override
    public void onEvent(LedgerEvent event) {
        CredentialRequestEvent.parse(event)
                .ifPresentOrElse(
                        issuance::onCredentialRequest,
                        () -> LOG.severe(() -> "skipped a credential_request event the ledger should not emit: "
                                + event.id() + " " + event.attributes()));
        cursor().record(event.id());
    }
}
