package nym.directory.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.EpochDocument;
import nym.directory.api.Json;
import nym.directory.api.Keys;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.Signing;
import nym.directory.domain.epoch.EpochDocumentRepository;
import nym.directory.domain.epoch.EpochSignature;
import nym.directory.domain.node.Candidate;
import nym.directory.domain.node.NodeRepository;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The epoch documents of this directory (issue 18). {@link #tick} runs every second on every instance
 * ({@link EpochTimer}): it builds the next epoch's document once its lead window opens (and the current one's if the
 * network has none yet, e.g. just started: a late document is still valid), unless another instance stored it first;
 * then, when this instance is an authority, it checks each stored document of the current and next epoch it has not
 * signed and adds its signature, or refuses it once (logged with the reason, counted); and it deletes documents older
 * than the retention. Readers get a document with every signature stored so far. What the ledger fixed for an epoch
 * (active set, performance, score threshold) is read through {@link EpochStandings}: a document may wait for it, and
 * while it waits the round just ends (the ledger's queries are bounded by the ledger adapter's timeout, and a round
 * still running makes the next one return at once). Nothing of the wait is kept but a log line: after a restart the
 * next round asks the ledger again.
 *
 * <p>Metrics: {@code nym_directory_epoch} (the current epoch), {@code nym_directory_epoch_signatures{epoch="current"|
 * "next"}} (valid signatures of pinned authorities stored, as of the last tick), {@code
 * nym_directory_epoch_documents_refused_total} (documents this authority refused to sign).
 */
@ApplicationScoped
public class EpochService {

    private static final Logger LOG = Logger.getLogger(EpochService.class.getName());
    /** How long a served document is reused before its signatures are read again. */
    private static final long SERVE_REFRESH_MILLIS = 1000;

    @Inject
    EpochDocumentRepository documents;

    @Inject
    NodeRepository nodes;

    @Inject
    ReachabilityProbe probe;

    @Inject
    AuthorityKeys authority;

    @Inject
    InstanceIdentity instance;

    @Inject
    EpochConfig epochConfig;

    @Inject
    DirectoryConfig config;

    @Inject
    MetricRegistry metrics;

    @Inject
    StakeService stake;

    /** The instance's clock; tests fix it. */
    Clock clock = Clock.systemUTC();

    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong currentSignatures = new AtomicLong();
    private final AtomicLong nextSignatures = new AtomicLong();
    private final Map<Long, Served> served = new ConcurrentHashMap<>();
    private volatile long prunedBefore = Long.MIN_VALUE;
    private EpochStandings standings;

    private record Served(SignedEpochDocument document, long readAt) {}

    @PostConstruct
    void start() {
        standings = new EpochStandings(stake);
        metrics.gauge("nym.directory.epoch", () -> schedule().epochAt(clock.millis()));
        metrics.gauge("nym.directory.epoch.signatures", currentSignatures::get, new Tag("epoch", "current"));
        metrics.gauge("nym.directory.epoch.signatures", nextSignatures::get, new Tag("epoch", "next"));
    }

    public EpochSchedule schedule() {
        return authority.schedule();
    }

    public EpochRules rules() {
        return new EpochRules(schedule(), epochConfig.networkName(), config.mixLayers(), epochConfig.mixing());
    }

    /** The epoch running now. */
    public long currentEpoch() {
        return schedule().epochAt(clock.millis());
    }

    /** The document of {@code epoch} with every signature stored so far, if it has been built. */
    public Optional<SignedEpochDocument> signed(long epoch) {
        long now = clock.millis();
        Served cached = served.get(epoch);
        if (cached != null && now - cached.readAt() < SERVE_REFRESH_MILLIS) {
            return Optional.of(cached.document());
        }
        Optional<SignedEpochDocument> read = documents
                .body(epoch)
                .map(body -> new SignedEpochDocument(
                        Keys.encode(body),
                        documents.signatures(epoch).stream()
                                .map(s -> new SignedEpochDocument.Signature(s.authorityKey(), s.signature()))
                                .toList()));
        read.ifPresent(d -> served.put(epoch, new Served(d, now)));
        return read;
    }

    /** One round of building, signing and pruning; skipped while the previous round still runs. */
    public void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            long now = clock.millis();
            EpochSchedule schedule = schedule();
            long current = schedule.epochAt(now);
            buildIfMissing(current, now);
            if (schedule.nextDue(now)) {
                buildIfMissing(current + 1, now);
            }
            currentSignatures.set(signIfValid(current));
            nextSignatures.set(signIfValid(current + 1));
            prune(current);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "epoch round failed; the next round retries", e);
        } finally {
            ticking.set(false);
        }
    }

    private void buildIfMissing(long epoch, long now) {
        if (documents.body(epoch).isPresent()) {
            return;
        }
        AdmissionPolicy admission = epochConfig.admission();
        Optional<EpochStanding> standing = standings.forBuild(epoch, now, schedule(), admission);
        if (standing.isEmpty()) {
            return;
        }
        List<EpochCandidate> candidates =
                nodes.candidates(epoch, now - config.expiryMillis(), admission.approvedOnly()).stream()
                        .filter(c -> probe.answers(c.node()))
                        .map(EpochService::candidate)
                        .toList();
        EpochDocument document = new EpochDocumentBuilder(rules(), authority.authorities(), authority.proofs())
                .build(epoch, candidates, standing.get());
        if (documents.insertIfAbsent(epoch, document.canonicalBytes(), instance.authority(), clock.millis())) {
            LOG.info(() -> "built the document of epoch " + epoch + ": "
                    + document.mixnodes().stream()
                            .mapToInt(l -> l.nodes().size())
                            .sum() + " mix nodes in "
                    + document.mixnodes().size() + " layers, "
                    + document.gateways().size() + " gateways");
        }
    }

    /** @return the valid signatures of pinned authorities stored for {@code epoch} after this round */
    private long signIfValid(long epoch) {
        Optional<byte[]> body = documents.body(epoch);
        if (body.isEmpty()) {
            return 0;
        }
        List<EpochSignature> signatures = documents.signatures(epoch);
        Optional<Ed25519Identity> signer = authority.signer();
        if (signer.isPresent()
                && !refused.contains(epoch)
                && signatures.stream()
                        .noneMatch(s -> s.authorityKey().equals(signer.get().publicKeyText()))) {
            if (validateAndSign(epoch, body.get(), signer.get())) {
                signatures = documents.signatures(epoch);
            }
        }
        return countValid(body.get(), signatures);
    }

    /** @return true if this authority signed (false: refused, or not checkable yet) */
    private boolean validateAndSign(long epoch, byte[] body, Ed25519Identity signer) {
        try {
            EpochDocument document;
            try {
                document = Json.read(body, EpochDocument.class);
            } catch (DirectoryException e) {
                throw new EpochDocumentRefused("not an epoch document: " + e.getMessage());
            }
            Optional<EpochStanding> standing = standings.forCheck(epoch, document, epochConfig.admission());
            if (standing.isEmpty()) {
                return false;
            }
            List<EpochCandidate> announced = nodes.candidates(epoch, 0, false).stream()
                    .map(EpochService::candidate)
                    .toList();
            new EpochDocumentValidator(rules(), authority.proofs().orElseThrow())
                    .check(document, epoch, EpochDocumentValidator.byIdentity(announced), standing.get());
        } catch (EpochDocumentRefused e) {
            refused.add(epoch);
            metrics.counter("nym.directory.epoch.documents.refused").inc();
            LOG.warning(() -> "refusing to sign the document of epoch " + epoch + ": " + e.getMessage());
            return false;
        }
        EpochSignature signature = new EpochSignature(
                signer.publicKeyText(), Keys.encode(signer.sign(Signing.epochDocumentMessage(body))), clock.millis());
        documents.addSignature(epoch, signature);
        LOG.info(() -> "signed the document of epoch " + epoch);
        return true;
    }

    /** Signatures that verify, by distinct keys of the pinned set (any key when no set is configured). */
    private long countValid(byte[] body, List<EpochSignature> signatures) {
        byte[] message = Signing.epochDocumentMessage(body);
        Optional<AuthoritySet> set = authority.authorities();
        return signatures.stream()
                .filter(s -> set.map(a -> a.keys().contains(s.authorityKey())).orElse(true))
                .filter(s -> verifies(s, message))
                .map(EpochSignature::authorityKey)
                .distinct()
                .count();
    }

    private static boolean verifies(EpochSignature s, byte[] message) {
        try {
            return Ed25519Identity.verify(
                    Keys.decode(s.authorityKey(), Keys.PUBLIC_KEY_BYTES, "authority key"),
                    message,
                    Keys.decode(s.signature(), Keys.SIGNATURE_BYTES, "signature"));
        } catch (DirectoryException malformed) {
            return false;
        }
    }

    private void prune(long current) {
        long keepFrom = current - epochConfig.retentionEpochs();
        if (keepFrom <= prunedBefore) {
            return;
        }
        int deleted = documents.deleteBefore(keepFrom);
        prunedBefore = keepFrom;
        refused.removeIf(e -> e < keepFrom);
        standings.forgetBefore(keepFrom);
        served.keySet().removeIf(e -> e < keepFrom);
        if (deleted > 0) {
            LOG.info(() -> "deleted " + deleted + " epoch document(s) before epoch " + keepFrom);
        }
    }

    private static EpochCandidate candidate(Candidate c) {
        return new EpochCandidate(
                c.node().kind(),
                c.node().identityKey(),
                c.node().address(),
                c.node().clientListener(),
                c.node().version(),
                c.node().location(),
                c.key(),
                c.nextKey());
    }
}
