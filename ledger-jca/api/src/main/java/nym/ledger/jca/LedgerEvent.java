package nym.ledger.jca;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * An ABCI event emitted by a committed transaction, e.g. {@code credential_request} with its attributes.
 *
 * @param id stable id and position on the chain
 * @param txHash the transaction's hash (uppercase hex SHA-256 of its bytes, as CometBFT)
 * @param type the event type
 * @param attributes the attributes in the order the application emitted them
 */
public record LedgerEvent(EventId id, String txHash, String type, List<EventAttribute> attributes)
        implements Serializable {

    public LedgerEvent {
        attributes = List.copyOf(attributes);
    }

    /** The value of the first attribute named {@code key}. */
    public Optional<String> attribute(String key) {
        return attributes.stream()
                .filter(a -> a.key().equals(key))
                .map(EventAttribute::value)
                .findFirst();
    }
}
