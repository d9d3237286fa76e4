-- Issue 19: each topology authority announces itself to the directory (its ledger RPC, issuer API, ledger addresses and
-- DKG key), signed with its own directory key. The directory keeps the newest announcement per authority and serves
-- it exactly as signed, so readers check it against their pinned authority set, not against the directory.

-- authority_index: the announcing authority's 1-based index in the pinned set. announcement: the signed bytes (the
-- announcement's canonical JSON); signature: Ed25519 over "nym-authority-announcement-v1\n" + those bytes, unpadded
-- base64url. announced_at: the time the authority signed into it (ms since the epoch): a row is replaced only by a
-- newer one. received_at: when this directory accepted it. No secret: everything here is public and signed.
CREATE TABLE authority_announcement (
    authority_index  SMALLINT    PRIMARY KEY CHECK (authority_index > 0),
    announcement     BYTEA       NOT NULL,
    signature        VARCHAR(86) NOT NULL,
    announced_at     BIGINT      NOT NULL,
    received_at      BIGINT      NOT NULL
);
