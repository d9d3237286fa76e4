package nym.issuer.interfaces.messaging;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import nym.issuer.domain.CredentialRequest;
import nym.ledger.jca.LedgerEvent;

/**
 * Reads a {@code credential_request} event (ledger-app/README.md, Events): request_id (uppercase hex tx hash),
 * requester ({@code 0x…}), value (decimal), blind_sign_request (base64), key_epoch (decimal ≥ 1: the latest completed
 * key epoch at the request's height). Empty when an attribute is missing or not in
 * the ledger's form; the payload inside is not judged here (a malformed one is the issuer's refusal to record).
 */
final class CredentialRequestEvent {
    private static final Pattern TX_HASH = Pattern.compile("[0-9A-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

    private CredentialRequestEvent() {}

    static Optional<CredentialRequest> parse(LedgerEvent event) {
        Optional<String> requestId = event.attribute("request_id").filter(TX_HASH.asMatchPredicate());
        Optional<String> requester = event.attribute("requester").filter(ADDRESS.asMatchPredicate());
        Optional<String> value = event.attribute("value").filter(DECIMAL.asMatchPredicate());
        Optional<byte[]> payload = event.attribute("blind_sign_request").flatMap(CredentialRequestEvent::base64);
        Optional<Long> keyEpoch =
                event.attribute("key_epoch").filter(DECIMAL.asMatchPredicate()).map(Long::parseLong);
        if (requestId.isEmpty()
                || requester.isEmpty()
                || value.isEmpty()
                || payload.isEmpty()
                || keyEpoch.filter(n -> n >= 1).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialRequest(
                requestId.get(),
                event.id().toString(),
                requester.get(),
                Long.parseLong(value.get()),
                payload.get(),
                keyEpoch.get()));
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
