package nym.ledger.jca;

import java.io.Serializable;

/** A committed transaction found by hash ({@code tx}) or by query ({@code tx_search}). */
public record TxRecord(String hash, long height, int index, byte[] tx, TxOutcome result) implements Serializable {}
