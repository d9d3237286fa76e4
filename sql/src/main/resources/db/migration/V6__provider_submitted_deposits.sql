-- Deposits whose broadcast answer was lost (hardening, provider-war README "Lost answers"): the spend is kept as
-- 'submitted' with its deposit id (the tx hash, known before sending: SHA-256 of the signed bytes) and the signed
-- bytes, so the provider can look the transaction up on the ledger and, not found, send the very same bytes again
-- (same hash: never a second deposit). 'failed': refused in its block, or never found after the resubmissions.
ALTER TABLE provider_spend DROP CONSTRAINT provider_spend_status_check;
ALTER TABLE provider_spend ADD CONSTRAINT provider_spend_status_check
    CHECK (status IN ('submitting', 'submitted', 'pending', 'accepted', 'rejected', 'failed'));

ALTER TABLE provider_spend
    ADD COLUMN deposit_tx    BYTEA,
    ADD COLUMN submitted_at  TIMESTAMPTZ,
    ADD COLUMN resubmissions INTEGER NOT NULL DEFAULT 0 CHECK (resubmissions >= 0),
    ADD CONSTRAINT provider_spend_submitted_complete
        CHECK (status <> 'submitted' OR (deposit_id IS NOT NULL AND deposit_tx IS NOT NULL AND submitted_at IS NOT NULL));

-- The reconciler's round: the submitted deposits, longest waiting first.
CREATE INDEX provider_spend_submitted ON provider_spend (submitted_at) WHERE status = 'submitted';
