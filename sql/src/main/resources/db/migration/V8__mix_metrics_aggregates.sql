-- Issue 17: mix nodes publish per-window aggregates only. The per-next-hop counts (sent as a JSON object per
-- host:port) are gone: the reports holding them are deleted (they are kept for minutes anyway) rather than summed,
-- so no per-link count survives; sent becomes a total and the drops by reason are kept.
DELETE FROM mix_metrics;
ALTER TABLE mix_metrics DROP COLUMN sent;
ALTER TABLE mix_metrics ADD COLUMN sent BIGINT NOT NULL;
ALTER TABLE mix_metrics ADD COLUMN dropped TEXT NOT NULL;
