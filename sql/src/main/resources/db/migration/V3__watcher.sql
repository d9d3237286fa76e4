-- The Ethereum watchers (issue 9): each authority's watcher keeps how far it read the chain, so a restarted watcher
-- neither skips nor repeats a block. One row per watcher (its ledger address), chain (genesis block hash: a local
-- chain started afresh gets a new row) and token contract. Every block before next_block is done: its deposits
-- are voted for on the ledger. last_block_hash is the hash block next_block - 1 had when it was done, to notice a
-- reorganization deeper than the confirmation depth.
CREATE TABLE watcher_cursor (
    watcher          VARCHAR(42)  NOT NULL,
    chain            VARCHAR(66)  NOT NULL,
    token            VARCHAR(42)  NOT NULL,
    next_block       BIGINT       NOT NULL CHECK (next_block >= 0),
    last_block_hash  VARCHAR(66),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (watcher, chain, token)
);
