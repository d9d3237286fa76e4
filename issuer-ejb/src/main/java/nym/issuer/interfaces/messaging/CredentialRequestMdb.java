package nym.issuer.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import nym.issuer.application.IssuanceService;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerListener;

/**
 * The ledger's {@code credential_request} events, in chain order, through the ledger adapter
 * ({@code nym#ledger-jca}, bound in glassfish-ejb-jar.xml): parses the event and hands it to the issuance
 * service. The adapter's cursor is per instance, so every authority sees every request.
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

    @Override
    public void onEvent(LedgerEvent event) {
        CredentialRequestEvent.parse(event)
                .ifPresentOrElse(
                        issuance::onCredentialRequest,
                        () -> LOG.severe(() -> "skipped a credential_request event the ledger should not emit: "
                                + event.id() + " " + event.attributes()));
    }
}
