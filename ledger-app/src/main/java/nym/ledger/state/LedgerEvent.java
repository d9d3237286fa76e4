package nym.ledger.state;

import java.util.ArrayList;
import java.util.List;

/** An ABCI event the state machine emits: a type and attributes (plain strings, as CometBFT v0.37+). */
public record LedgerEvent(String type, List<Attribute> attributes) {

    public record Attribute(String key, String value, boolean index) {}

    public static Builder of(String type) {
        return new Builder(type);
    }

    public static final class Builder {
        private final String type;
        private final List<Attribute> attrs = new ArrayList<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder attr(String key, String value) {
            attrs.add(new Attribute(key, value, true));
            return this;
        }

        /** An attribute carried in the event but not indexed for tx_search (large blobs). */
        public Builder unindexed(String key, String value) {
            attrs.add(new Attribute(key, value, false));
            return this;
        }

        public LedgerEvent build() {
            return new LedgerEvent(type, List.copyOf(attrs));
        }
    }
}
