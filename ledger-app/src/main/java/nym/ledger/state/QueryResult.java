package nym.ledger.state;

/** The answer to an ABCI query: code (0 ok), log, the key asked for, a JSON value, and the height answered at. */
public record QueryResult(int code, String log, byte[] key, byte[] value, long height) {}
