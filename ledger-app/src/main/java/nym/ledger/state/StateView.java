package nym.ledger.state;

/** A key-value view of the ledger state. Keys are ASCII strings; values are opaque bytes. */
public interface StateView {
    /** The value, or null when absent. */
    byte[] get(String key);

    void put(String key, byte[] value);

    void delete(String key);
}
