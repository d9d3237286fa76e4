-- Issue 18: the topology is no longer one document signed by one shared directory key, but one document per epoch,
-- built once by the first authority (Payara instance) that gets to it and signed by each authority with its own key
-- from the network tree. The shared key and its table go: no instance holds a secret in the database any more.

-- The document of an epoch, frozen when built: the exact bytes the authorities sign (EpochDocument's canonical JSON).
-- built_by is the authority index that built it (0: an instance without an authority), built_at ms since the epoch.
CREATE TABLE epoch_document (
    epoch     BIGINT   PRIMARY KEY,
    body      BYTEA    NOT NULL,
    built_by  SMALLINT NOT NULL,
    built_at  BIGINT   NOT NULL
);

-- One row per authority that validated and signed the document: its Ed25519 public key and signature (unpadded
-- base64url). The rows go with their document when the retention deletes it.
CREATE TABLE epoch_signature (
    epoch          BIGINT      REFERENCES epoch_document ON DELETE CASCADE,
    authority_key  VARCHAR(43),
    signature      VARCHAR(86) NOT NULL,
    signed_at      BIGINT      NOT NULL,
    PRIMARY KEY (epoch, authority_key)
);

DROP TABLE directory_key;
