-- The directory (issue 5): registered nodes (the PKI), their latest presence, metrics reports and the directory's
-- own topology-signing key. Every instance of the deployment group serves from these tables.

-- One row per identity key. The first accepted presence creates it and binds the key to the node's address; later
-- presences of the same key update it; another key claiming the same (kind, address) is refused by the unique index.
-- Times are milliseconds since the epoch. last_presence_ts / last_metrics_ts are the latest signed timestamps
-- accepted from the node: a request must carry a newer one, so a replayed request is refused on every instance.
CREATE TABLE directory_node (
    identity_key       VARCHAR(43)  PRIMARY KEY,
    kind               VARCHAR(16)  NOT NULL CHECK (kind IN ('mixnode', 'gateway', 'validator')),
    address            VARCHAR(255) NOT NULL,
    sphinx_key         VARCHAR(43),
    layer              INTEGER,
    version            VARCHAR(64),
    location           VARCHAR(128),
    validator_type     VARCHAR(16),
    public_key         VARCHAR(4096),
    client_listener    VARCHAR(255),
    registered_clients TEXT,
    first_seen         BIGINT       NOT NULL,
    last_seen          BIGINT       NOT NULL,
    last_presence_ts   BIGINT       NOT NULL,
    last_metrics_ts    BIGINT       NOT NULL DEFAULT 0,
    banned             BOOLEAN      NOT NULL DEFAULT FALSE,
    banned_reason      VARCHAR(512)
);

CREATE UNIQUE INDEX directory_node_address ON directory_node (kind, address);
CREATE INDEX directory_node_last_seen ON directory_node (last_seen);

-- Accepted mix metrics reports; old ones are deleted by the instances (a few metrics windows are kept).
CREATE TABLE mix_metrics (
    id            BIGSERIAL    PRIMARY KEY,
    identity_key  VARCHAR(43)  NOT NULL REFERENCES directory_node (identity_key) ON DELETE CASCADE,
    received      BIGINT       NOT NULL,
    sent          TEXT         NOT NULL,
    interval_ms   BIGINT       NOT NULL,
    accepted_at   BIGINT       NOT NULL
);

CREATE INDEX mix_metrics_accepted_at ON mix_metrics (accepted_at);

-- The directory's Ed25519 key that signs topologies: generated once by whichever instance starts first, so every
-- instance signs with the same key (unless a key file is configured).
CREATE TABLE directory_key (
    id          SMALLINT     PRIMARY KEY CHECK (id = 1),
    secret_key  BYTEA        NOT NULL,
    public_key  VARCHAR(43)  NOT NULL,
    created_at  BIGINT       NOT NULL
);
