-- Ledger event consumers' cursors (ledger-jca, nym.ledger.jca.JdbcEventCursor): the id of the last event each
-- consumer handled, written in the same transaction as the consumer's effect, so a crash can neither repeat nor
-- skip an event. One row per consumer name (e.g. issuer/3: the issuer MDB of authority 3); an id is
-- height/tx_index/event_index and rows only move forward. Delete a row to make its consumer start over from its
-- activation's startHeight (e.g. after the chain was started afresh).
CREATE TABLE ledger_cursor (
    consumer     VARCHAR(128) PRIMARY KEY,
    height       BIGINT       NOT NULL CHECK (height > 0),
    tx_index     INTEGER      NOT NULL CHECK (tx_index >= 0),
    event_index  INTEGER      NOT NULL CHECK (event_index >= 0),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
