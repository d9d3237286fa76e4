package nym.verifier.interfaces.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerListener;
import nym.verifier.application.VerificationService;

/**
 * The ledger's {@code redeem} events, in chain order, through the ledger adapter ({@code nym#ledger-jca}, bound in
 * glassfish-ejb-jar.xml): parses the event and hands the deposit to the verification service. A ledger that cannot
 * take the vote makes {@code onEvent} fail, and the adapter offers the event again.
 */
@MessageDriven(
        messageListenerInterface = LedgerListener.class,
        activationConfig = {
            @ActivationConfigProperty(propertyName = "query", propertyValue = "redeem.deposit_id EXISTS"),
            @ActivationConfigProperty(propertyName = "eventTypes", propertyValue = "redeem"),
            @ActivationConfigProperty(propertyName = "subscriberId", propertyValue = "verifier")
        })
public class RedeemMdb implements LedgerListener {

    private static final Logger LOG = Logger.getLogger(RedeemMdb.class.getName());

    @Inject
    VerificationService verification;

    @Override
    public void onEvent(LedgerEvent event) {
        RedeemEvent.parse(event)
                .ifPresentOrElse(
                        verification::onRedeem,
                        () -> LOG.severe(() -> "skipped a redeem event the ledger should not emit: " + event.id() + " "
                                + event.attributes()));
    }
}
