-- Service providers (issue 10): the nonces they issued, the credentials spent with them and the deposits they
-- submitted. Every instance of the deployment group serves every provider of the network tree from these tables.

-- A nonce is handed out by one provider for one showing: a spend must present one its provider issued, unused and
-- not expired. Using it is one conditional UPDATE, so two spends with the same nonce cannot both pass.
CREATE TABLE provider_nonce (
    nonce       BYTEA       PRIMARY KEY CHECK (octet_length(nonce) = 32),
    provider    INTEGER     NOT NULL CHECK (provider > 0),
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE INDEX provider_nonce_expires ON provider_nonce (expires_at);

-- One row per accepted spend, keyed by ζ (48-byte compressed G1): the primary key is what refuses a second spend of
-- one credential, at the same or at another provider, even when both arrive at once on different instances (the
-- second insert waits for the first transaction and then fails). The row is inserted, the deposit submitted and the
-- row completed in one transaction: if the ledger refuses or cannot be reached, nothing stays behind.
CREATE TABLE provider_spend (
    zeta          BYTEA       PRIMARY KEY CHECK (octet_length(zeta) = 48),
    provider      INTEGER     NOT NULL CHECK (provider > 0),
    value         BIGINT      NOT NULL CHECK (value > 0),
    nonce         BYTEA       NOT NULL REFERENCES provider_nonce (nonce),
    accepted_at   TIMESTAMPTZ NOT NULL,
    deposit_id    VARCHAR(64) UNIQUE,
    deposit_height BIGINT,
    status        VARCHAR(16) NOT NULL CHECK (status IN ('submitting', 'pending', 'accepted', 'rejected')),
    settled_at    TIMESTAMPTZ
);

CREATE INDEX provider_spend_provider ON provider_spend (provider, accepted_at);

-- One row per provider: the lock that serializes its deposit transactions across instances, because they all sign
-- with the provider's one ledger account and its nonce must increase by one per transaction.
CREATE TABLE provider_account (
    provider    INTEGER     PRIMARY KEY CHECK (provider > 0),
    address     VARCHAR(42) NOT NULL,
    deposits    BIGINT      NOT NULL DEFAULT 0
);
