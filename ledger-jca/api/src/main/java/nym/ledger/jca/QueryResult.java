package nym.ledger.jca;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Answer of {@code abci_query}. The Nym ledger answers JSON values (see ledger-app's README, "Queries").
 *
 * @param value the raw value, {@code null} when the key does not exist
 */
public record QueryResult(int code, String codespace, String log, long height, byte[] key, byte[] value)
        implements Serializable {

    public boolean ok() {
        return code == 0;
    }

    /** The value as UTF-8 text (the Nym ledger's values are JSON), or {@code null}. */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
