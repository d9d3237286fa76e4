package nym.mixnode.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nym.mixnode.files.DurableFiles;

/**
 * The clients registered with this gateway: one empty file {@code <data>/clients/<client id hex>.client} each, written
 * durably, so registrations survive a restart. No secret is stored: a client proves itself by its link's Noise static
 * key. At most {@code maxClients} registrations; each remembers when its client was last active (registered, opened a
 * session, acknowledged), in memory only, so a restart restarts every idle clock. Registering and unregistering do
 * file I/O: storage executor only. Thread-safe.
 */
public final class ClientRegistry {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SUFFIX = ".client";

    /** What {@link #register} did. */
    public enum Registration {
        ADDED,
        ALREADY_REGISTERED,
        FULL
    }

    private final Path dir;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Long> lastActive = new ConcurrentHashMap<>();

    public ClientRegistry(Path dir, int maxClients, Clock clock) throws IOException {
        this.dir = dir;
        this.maxClients = maxClients;
        this.clock = clock;
        Files.createDirectories(dir);
        long now = clock.millis();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(SUFFIX)) {
                    lastActive.put(name.substring(0, name.length() - SUFFIX.length()), now);
                } else {
                    // version 1 token files and half-written temporaries: those clients register again
                    Files.delete(f);
                }
            }
        }
    }

    /** Registers {@code clientId} (durably) unless the registry is full; registering again only marks it active. */
    public synchronized Registration register(byte[] clientId) throws IOException {
        String id = HEX.formatHex(clientId);
        if (lastActive.containsKey(id)) {
            lastActive.put(id, clock.millis());
            return Registration.ALREADY_REGISTERED;
        }
        if (lastActive.size() >= maxClients) {
            return Registration.FULL;
        }
        DurableFiles.write(dir.resolve(id + SUFFIX), new byte[0]);
        lastActive.put(id, clock.millis());
        return Registration.ADDED;
    }

    public boolean isRegistered(byte[] clientId) {
        return lastActive.containsKey(HEX.formatHex(clientId));
    }

    /** The client did something (a session, an acknowledgement): its idle clock starts again. */
    public void markActive(byte[] clientId) {
        lastActive.computeIfPresent(HEX.formatHex(clientId), (id, old) -> clock.millis());
    }

    /** Client ids (hex) idle since before {@code cutoffMillis}. */
    public List<String> idleSince(long cutoffMillis) {
        List<String> idle = new ArrayList<>();
        lastActive.forEach((id, at) -> {
            if (at < cutoffMillis) {
                idle.add(id);
            }
        });
        return idle;
    }

    /** Removes a registration (durably); nothing if it is gone. */
    public synchronized void unregister(String idHex) throws IOException {
        if (lastActive.remove(idHex) != null) {
            DurableFiles.delete(dir.resolve(idHex + SUFFIX));
        }
    }

    public int size() {
        return lastActive.size();
    }
}
