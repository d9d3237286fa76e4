package nym.watcher.domain;

/**
 * Whose cursor: one watcher (its ledger address) reading one token on one chain (identified by its genesis block
 * hash, so a local chain started afresh gets a fresh cursor instead of one pointing past its head).
 */
public record CursorKey(String watcher, String chain, String token) {}
