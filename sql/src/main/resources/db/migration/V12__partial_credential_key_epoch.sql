-- Issue 19: the Coconut issuing key comes from a DKG run over the ledger per key epoch, and every credential names
-- its key epoch. Each issuer signs a request with its share of the key epoch the ledger's credential_request event
-- names (attribute key_epoch) and keeps that epoch with the partial credential, so the holder aggregates partials of
-- one key epoch and checks them against that epoch's keys.
-- 0 marks rows written before key epochs existed (signed with a trusted dealer's key of an earlier network, which no
-- verifier accepts any more); every row written from now on names a key epoch >= 1.
ALTER TABLE issued_credential ADD COLUMN key_epoch BIGINT NOT NULL DEFAULT 0 CHECK (key_epoch >= 0);
ALTER TABLE issued_credential ALTER COLUMN key_epoch DROP DEFAULT;
