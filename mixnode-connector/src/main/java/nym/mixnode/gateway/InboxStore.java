package nym.mixnode.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every client's {@link Inbox}, under {@code <data>/inboxes/<client id hex>/}, opened on first use (file I/O: storage
 * executor only).
 */
public final class InboxStore {

    private final Path root;
    private final int capacity;
    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();

    public InboxStore(Path root, int capacity) {
        this.root = root;
        this.capacity = capacity;
    }

    public Inbox of(byte[] clientId) {
        return of(HexFormat.of().formatHex(clientId));
    }

    Inbox of(String idHex) {
        return inboxes.computeIfAbsent(idHex, id -> {
            try {
                return new Inbox(root.resolve(id), capacity);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open an inbox", e);
            }
        });
    }

    /** Deletes a client's inbox and its messages. */
    void destroy(String idHex) throws IOException {
        Inbox inbox = of(idHex);
        inboxes.remove(idHex);
        inbox.destroy();
    }
}
