package nym.ledger.jca;

import java.io.Serializable;

/** One attribute of an ABCI event, as CometBFT v0.38 reports it (plain strings; {@code index}: indexed for queries). */
public record EventAttribute(String key, String value, boolean index) implements Serializable {}
