package nym.mixnode.pki;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.GatewayPresence;
import nym.directory.api.KeyPossession;
import nym.directory.api.Keys;
import nym.directory.api.LeaveNotice;
import nym.directory.api.MixnodePresence;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.TrustedEpochs;
import nym.link.LinkKeys;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.SphinxKeyRing;
import nym.mixnode.metrics.NodeMetrics;
import nym.mixnode.metrics.PublishedMetrics;

/**
 * Everything the node says to and reads from the directory: the epoch documents (checked with {@link TrustedEpochs}
 * against the pinned authorities, held into the {@link TopologyView}, and driving the Sphinx key ring), signed
 * presence announcing the ring's keys with proofs of possession, the leave notice, and signed metrics reports. Each
 * call is one attempt; failures are logged and the next scheduled run tries again (the node keeps the documents it
 * holds).
 */
public final class DirectoryLink {

    private static final Logger LOG = Logger.getLogger(DirectoryLink.class.getName());

    private final MixNodeConfig config;
    private final DirectoryClient client;
    private final TopologyView view;
    private final SphinxKeyRing ring;
    private final TrustedEpochs trusted;
    private final DocumentRefusals refusals = new DocumentRefusals();
    private final Clock clock;
    /** Authority Ed25519 key (text) → its X25519 form, the other half of each {@link KeyPossession} proof. */
    private final Map<String, byte[]> authorityX25519 = new LinkedHashMap<>();
    /** The verified documents held, by epoch; guarded by {@code this}. */
    private final TreeMap<Long, EpochDocument> held = new TreeMap<>();
    /** What the directory has been told; all zero at start, so packets before the first report are reported too. */
    private NodeMetrics.Snapshot lastReported = new NodeMetrics().snapshot();

    private long lastReportedAt = System.currentTimeMillis();

    public DirectoryLink(MixNodeConfig config, TopologyView view, SphinxKeyRing ring, Clock clock) {
        this.config = config;
        this.client = new DirectoryClient(config.directory(), config.keys().identity());
        this.view = view;
        this.ring = ring;
        this.trusted = new TrustedEpochs(config.authorities());
        this.clock = clock;
        for (String key : config.authorities().keys()) {
            authorityX25519.put(key, LinkKeys.x25519PublicKey(Keys.decode(key, Keys.PUBLIC_KEY_BYTES, "authority")));
        }
    }

    /**
     * Reads the current and the next epoch documents, keeps those that verify, forgets those past their validity,
     * updates the view and advances the key ring to the current epoch. A refused document is logged with its kind
     * and counted ({@link #refusals()}); the node keeps what it holds.
     *
     * @return true if the current epoch's document was read and is held
     */
    public synchronized boolean refreshDocuments() {
        long now = clock.millis();
        boolean current = false;
        try {
            current = hold(client.currentEpoch(), now);
            client.nextEpoch().ifPresent(next -> hold(next, now));
        } catch (DirectoryException e) {
            LOG.log(Level.WARNING, "epoch documents not read: " + e.getMessage());
        }
        held.values().removeIf(d -> !d.validAt(now));
        currentDocument(now).ifPresent(c -> {
            long previousExpires = previousExpiresAt(c);
            held.headMap(c.epoch() - 1).clear();
            if (now >= previousExpires) {
                held.remove(c.epoch() - 1);
            }
            ring.advance(c.epoch(), previousExpires, c.endMillis() - c.startMillis());
        });
        view.update(held.values());
        return current;
    }

    /** True if {@code signed} is held afterwards (newly verified, or already held: a document never changes). */
    private boolean hold(SignedEpochDocument signed, long now) {
        try {
            long epoch = signed.unverified().epoch();
            if (!held.containsKey(epoch)) {
                EpochDocument document = trusted.accept(signed, now);
                held.put(document.epoch(), document);
                LOG.info(() -> "holding the document of epoch " + epoch);
            }
            return true;
        } catch (DirectoryException e) {
            refusals.refused(e.kind());
            LOG.warning("epoch document refused (" + e.kind() + "): " + e.getMessage());
            return false;
        }
    }

    /**
     * When the previous epoch's document and key stop being used: the grace after the current epoch's start (the
     * previous epoch's end on the schedule), so that it does not depend on holding the previous document.
     */
    private static long previousExpiresAt(EpochDocument current) {
        return current.startMillis() + current.validUntilMillis() - current.endMillis();
    }

    /** The held document whose epoch has started most recently. */
    private Optional<EpochDocument> currentDocument(long now) {
        return held.descendingMap().values().stream()
                .filter(d -> d.startMillis() <= now)
                .findFirst();
    }

    /**
     * When the node should read the documents again to switch epochs: the start of the next held document, else
     * the end of the current one; empty while no document is held.
     */
    public synchronized Optional<Long> nextSwitchMillis() {
        long now = clock.millis();
        Map.Entry<Long, EpochDocument> after =
                currentDocument(now).map(c -> held.higherEntry(c.epoch())).orElse(null);
        if (after != null) {
            return Optional.of(after.getValue().startMillis());
        }
        return currentDocument(now).map(EpochDocument::endMillis);
    }

    public DocumentRefusals refusals() {
        return refusals;
    }

    /**
     * Posts this node's signed presence: the bound addresses and the ring's keys (current epoch and the two after
     * it), each with one proof of possession per pinned authority. Nothing is posted before the first document is
     * held: the node learns the epoch from it. A gateway names none of its clients (issue 17).
     */
    public void announce(String mixnetHostPort, String clientHostPort) {
        List<AnnouncedKey> keys = announcedKeys();
        if (keys.isEmpty()) {
            LOG.fine("no epoch document held yet: presence waits for one");
            return;
        }
        try {
            if (config.mode() == NodeMode.MIX) {
                client.postMixnode(new MixnodePresence(
                        mixnetHostPort,
                        config.keys().identityKeyText(),
                        keys,
                        MixNodeConfig.VERSION,
                        config.location()));
            } else {
                client.postGateway(new GatewayPresence(
                        clientHostPort,
                        mixnetHostPort,
                        config.keys().identityKeyText(),
                        keys,
                        MixNodeConfig.VERSION,
                        config.location()));
            }
        } catch (DirectoryException e) {
            LOG.log(Level.WARNING, "presence not accepted: " + e.getMessage());
        }
    }

    private List<AnnouncedKey> announcedKeys() {
        List<AnnouncedKey> out = new ArrayList<>();
        for (SphinxKeyRing.EpochKey key : ring.announced()) {
            byte[] secret = key.pair().privateKeyBytes();
            byte[] pub = key.pair().publicKey().toBytes();
            Map<String, String> proofs = new LinkedHashMap<>();
            try {
                authorityX25519.forEach((authority, x25519) -> proofs.put(
                        authority,
                        KeyPossession.prove(secret, pub, x25519, config.keys().identityKeyText(), key.epoch())));
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            out.add(new AnnouncedKey(key.epoch(), Keys.encode(pub), proofs));
        }
        return out;
    }

    /**
     * Tells the directory this node is leaving (it is left out of the next epoch's document), waiting at most
     * {@code timeout}: best effort, a failure is logged and shutdown goes on.
     */
    public void leave(Duration timeout) {
        CompletableFuture<Void> posted = CompletableFuture.runAsync(
                () -> client.postLeave(new LeaveNotice(config.keys().identityKeyText())));
        try {
            posted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("leave notice accepted");
        } catch (ExecutionException e) {
            LOG.warning("leave notice not accepted: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            LOG.warning("leave notice not answered within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Posts the aggregates of the window since the last accepted report ({@link PublishedMetrics}; mix nodes only:
     * the directory takes metrics from mix nodes). Called from one thread, once per metrics window.
     */
    public void reportMetrics(NodeMetrics metrics, long nowMillis) {
        NodeMetrics.Snapshot now = metrics.snapshot();
        try {
            client.postMetrics(PublishedMetrics.of(
                    config.keys().identityKeyText(), now.minus(lastReported), nowMillis - lastReportedAt));
            lastReported = now;
            lastReportedAt = nowMillis;
        } catch (DirectoryException e) {
            LOG.log(Level.FINE, "metrics not accepted (kept for the next report): " + e.getMessage());
        }
    }
}
