package nym.client.gateway;

import java.util.function.Function;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;

/**
 * One credential spend at the client's gateway: ask for an offer, let {@code proof} turn it into the
 * {@link SpendCredential} (Θ bound to the offer's binding and nonce), send it and return the answer. {@link
 * GatewaySession#spend} is the real one.
 */
@FunctionalInterface
public interface GatewaySpender {

    SpendOutcome spend(Function<SpendOffer, SpendCredential> proof);
}
