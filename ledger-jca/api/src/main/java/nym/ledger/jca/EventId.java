package nym.ledger.jca;

import java.io.Serializable;

/**
 * The stable identity and position of a ledger event: block height, index of the transaction in the block, index of
 * the event among that transaction's events. Every node of the chain gives an event the same id, so consumers can
 * record ids to be idempotent; ids order events as the chain does (block order, then transaction, then event).
 *
 * <p>Text form {@code height/txIndex/eventIndex}, e.g. {@code 42/0/1}.
 */
public record EventId(long height, int txIndex, int eventIndex) implements Comparable<EventId>, Serializable {

    public EventId {
        if (height < 1 || txIndex < 0 || eventIndex < 0) {
            throw new IllegalArgumentException("invalid event id " + height + "/" + txIndex + "/" + eventIndex);
        }
    }

    /** Parses the text form {@code height/txIndex/eventIndex}. */
    public static EventId parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an event id (height/txIndex/eventIndex): " + text);
        }
        try {
            return new EventId(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an event id (height/txIndex/eventIndex): " + text, e);
        }
    }

    @Override
    public int compareTo(EventId o) {
        int c = Long.compare(height, o.height);
        if (c == 0) {
            c = Integer.compare(txIndex, o.txIndex);
        }
        return c == 0 ? Integer.compare(eventIndex, o.eventIndex) : c;
    }

    @Override
    public String toString() {
        return height + "/" + txIndex + "/" + eventIndex;
    }
}
