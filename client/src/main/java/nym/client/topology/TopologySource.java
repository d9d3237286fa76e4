package nym.client.topology;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import nym.client.ClientException;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.TrustedEpochs;

/**
 * The client's view of the network, one epoch document at a time. Every document is checked with {@link TrustedEpochs}
 * against the pinned authorities (t valid signatures, not older than one held, not expired) before anything in it is
 * used. It holds the current epoch's document and, once the authorities have built it, the next one; it switches to
 * the next at that epoch's start and never hands out a document past its {@code validUntilMillis}. Thread-safe.
 *
 * <p>The owner calls {@link #refresh} now and then (it fetches the next document while none is held, and the current
 * one again once the held one has ended) and {@link #topology} whenever it builds packets; {@link #nextStartMillis}
 * says when to look again so that the switch happens at the boundary.
 */
public final class TopologySource {

    /** Where signed documents come from: the directory ({@link #of}), or a test's. */
    public interface Documents {
        /** The document of the epoch running now at the directory. */
        SignedEpochDocument current();

        /** The next epoch's document; empty while the authorities have not built it. */
        Optional<SignedEpochDocument> next();
    }

    /** A document as checked and as routes use it. */
    private record Held(EpochDocument document, MixTopology topology) {
        static Held of(EpochDocument document) {
            return new Held(document, MixTopology.from(document));
        }
    }

    private final Documents documents;
    private final TrustedEpochs trusted;
    private final LongSupplier clock;
    private Held current;
    private Held next;
    private long expiredEpoch = Long.MIN_VALUE;

    /** @param clock milliseconds since the Unix epoch */
    public TopologySource(Documents documents, AuthoritySet authorities, LongSupplier clock) {
        this.documents = documents;
        this.trusted = new TrustedEpochs(authorities);
        this.clock = clock;
    }

    /** Documents from the directory at {@code directoryUrl}, checked against {@code authorities}, on the system clock. */
    public static TopologySource of(URI directoryUrl, AuthoritySet authorities) {
        DirectoryClient directory = new DirectoryClient(directoryUrl, null);
        return new TopologySource(
                new Documents() {
                    @Override
                    public SignedEpochDocument current() {
                        return directory.currentEpoch();
                    }

                    @Override
                    public Optional<SignedEpochDocument> next() {
                        return directory.nextEpoch();
                    }
                },
                authorities,
                System::currentTimeMillis);
    }

    /**
     * The authorities the directory says it trusts, for trust on first use at {@code init} when no authority file is
     * given: whoever answers for the directory's address picks the keys, so this is no better than the first fetch.
     */
    public static AuthoritySet publishedAuthorities(URI directoryUrl) {
        try {
            return new DirectoryClient(directoryUrl, null).authorities();
        } catch (DirectoryException e) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY, "cannot read the directory's authorities: " + e.getMessage(), e);
        }
    }

    /**
     * Fetches and checks the current document, then the next one if it is built yet; what a client does at start.
     *
     * @return the topology to route over now
     * @throws ClientException {@link ClientException.Kind#TOPOLOGY} when the directory cannot be reached or the current
     *     document is refused (the kind of refusal, e.g. {@code NOT_ENOUGH_SIGNATURES}, is in the message)
     */
    public synchronized MixTopology fetch() {
        current = acceptCurrent();
        next = null;
        try {
            lookForNext();
        } catch (ClientException e) {
            // the current document is what starting needs; the next one is looked for again at every refresh
        }
        return topology();
    }

    /**
     * Fetches what is missing: the current document again once the held one has ended (or expired, e.g. after the
     * machine slept) and the next one while none is held. A refusal or a failure keeps what is held.
     *
     * @throws ClientException {@link ClientException.Kind#TOPOLOGY} when a fetch failed or a document was refused
     */
    public synchronized void refresh() {
        long now = clock.getAsLong();
        advance(now);
        if (current == null || now >= current.document().endMillis()) {
            Held fresh = acceptCurrent();
            if (current == null || fresh.document().epoch() > current.document().epoch()) {
                current = fresh;
            }
        }
        lookForNext();
    }

    /**
     * The topology of the epoch running now: the next document once its epoch has started, the current one until then
     * and through the nodes' key grace after its end, never one past its validity.
     *
     * @throws ClientException {@link ClientException.Kind#TOPOLOGY} when no valid document is held
     */
    public synchronized MixTopology topology() {
        advance(clock.getAsLong());
        if (current == null) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY,
                    "no valid epoch document held"
                            + (expiredEpoch == Long.MIN_VALUE ? "" : " (epoch " + expiredEpoch + "'s has expired)"));
        }
        return current.topology();
    }

    /** When the next document's epoch starts, while one is held: the moment to call {@link #topology} again. */
    public synchronized OptionalLong nextStartMillis() {
        return next == null
                ? OptionalLong.empty()
                : OptionalLong.of(next.document().startMillis());
    }

    private void advance(long now) {
        if (next != null && now >= next.document().startMillis()) {
            current = next;
            next = null;
        }
        if (current != null && !current.document().validAt(now)) {
            expiredEpoch = current.document().epoch();
            current = null;
        }
        if (next != null && !next.document().validAt(now)) {
            next = null;
        }
    }

    private void lookForNext() {
        if (next != null || current == null) {
            return;
        }
        try {
            Optional<SignedEpochDocument> signed = documents.next();
            if (signed.isPresent()) {
                Held candidate = Held.of(trusted.accept(signed.get(), clock.getAsLong()));
                if (candidate.document().epoch() > current.document().epoch()) {
                    next = candidate;
                }
            }
        } catch (DirectoryException e) {
            throw refused(e);
        }
    }

    private Held acceptCurrent() {
        try {
            return Held.of(trusted.accept(documents.current(), clock.getAsLong()));
        } catch (DirectoryException e) {
            throw refused(e);
        }
    }

    private static ClientException refused(DirectoryException e) {
        return new ClientException(
                ClientException.Kind.TOPOLOGY, "epoch document refused (" + e.kind() + "): " + e.getMessage(), e);
    }
}
