package nym.client.gateway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import nym.gateway.api.Delivered;

/**
 * Remembers the last {@code capacity} messages handed to the application, by digest, so a message the gateway sends
 * again (its acknowledgement was lost, e.g. with the connection) is acknowledged again but not delivered twice. Lives
 * as long as the client, across sessions: the gateway's sequence numbers do not (an inbox emptied before a gateway
 * restart numbers from 0 again), the message bytes (a random identifier and a sealed body) do. Thread-safe.
 */
public final class DeliveredOnce {

    private final int capacity;
    private final Set<String> seen = new LinkedHashSet<>();

    public DeliveredOnce(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time {@code message} is seen (within the last {@code capacity}). */
    public synchronized boolean firstTime(Delivered message) {
        String digest = digest(message.toBytes());
        if (!seen.add(digest)) {
            return false;
        }
        if (seen.size() > capacity) {
            var oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
