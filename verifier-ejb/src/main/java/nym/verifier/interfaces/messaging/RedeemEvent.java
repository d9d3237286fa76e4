package nym.verifier.interfaces.messaging;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import nym.ledger.jca.LedgerEvent;
import nym.verifier.domain.Deposit;

/**
 * Reads a {@code redeem} event (ledger-app/README.md, Events): deposit_id (uppercase hex tx hash), provider
 * ({@code 0x…}), zeta (lowercase hex, 48 bytes), value (decimal), credential (base64). Empty when an attribute is
 * missing or not in the ledger's form; the credential inside is judged by the verifier, not here.
 */
final class RedeemEvent {
    private static final Pattern TX_HASH = Pattern.compile("[0-9A-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
    private static final Pattern ZETA = Pattern.compile("[0-9a-f]{96}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}");

    private RedeemEvent() {}

    static Optional<Deposit> parse(LedgerEvent event) {
        Optional<String> depositId = event.attribute("deposit_id").filter(TX_HASH.asMatchPredicate());
        Optional<String> provider = event.attribute("provider").filter(ADDRESS.asMatchPredicate());
        Optional<String> zeta = event.attribute("zeta").filter(ZETA.asMatchPredicate());
        Optional<String> value = event.attribute("value").filter(DECIMAL.asMatchPredicate());
        Optional<byte[]> credential = event.attribute("credential").flatMap(RedeemEvent::base64);
        if (depositId.isEmpty() || provider.isEmpty() || zeta.isEmpty() || value.isEmpty() || credential.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Deposit(
                depositId.get(),
                event.id().toString(),
                provider.get(),
                zeta.get(),
                Long.parseLong(value.get()),
                credential.get()));
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
