package nym.client.gateway;

import nym.gateway.api.ErrorMessage;

/** How the gateway answered a credential spend ({@link GatewaySession#spend}). */
public sealed interface SpendOutcome {

    /** The spend was accepted: {@code granted} bytes added, {@code balance} bytes left now. */
    record Granted(long granted, long balance) implements SpendOutcome {}

    /**
     * The gateway refused, with its code and text: {@code CREDENTIAL_INVALID}, {@code DOUBLE_SPEND},
     * {@code NONCE_INVALID}, {@code LEDGER_UNAVAILABLE}, or {@code UNEXPECTED_MESSAGE} from a gateway that takes no
     * credentials. A refusal changed no balance.
     */
    record Refused(ErrorMessage.Code code, String text) implements SpendOutcome {}
}
