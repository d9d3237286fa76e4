package nym.issuer.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.dkg.Complaint;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.dkg.DkgResult;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.issuer.domain.DkgLedger;
import nym.issuer.domain.EpochDealings;
import nym.issuer.domain.IssuerKeys;
import nym.issuer.domain.KeyEpoch;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This authority's part in the ledger's DKG (ledger-app/README.md, key epochs), one round every
 * {@code nym.dkg.poll-seconds} on a non-persistent timer of this instance (each authority acts for itself only):
 * reads the latest key epoch and, by its phase, deals once (DEALING, when the ledger has no dealing of this
 * authority), opens its share of every dealing and complains about each that does not open (COMPLAINTS), or derives
 * its share over QUAL, checks it against the ledger's vk_i and installs it in the {@link IssuerRole} (COMPLETED).
 * It also installs the latest completed key epoch while a later one runs, and any completed one a credential request
 * waits for.
 *
 * <p>Everything it needs is on the ledger, and it writes nothing but the ledger and memory: after a crash or a
 * restart the next round picks up where the ledger is (a dealing already on the ledger is not dealt again, a
 * complaint already accepted is not sent again, a completed share is derived again). Bean-managed concurrency and a
 * flag: a round that outlasts the period makes the next timeout return at once, so one round is in flight.
 */
@Startup
@Singleton
@DependsOn("IssuerRole")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DkgParticipant {

    private static final Logger LOG = Logger.getLogger(DkgParticipant.class.getName());

    @Inject
    IssuerRole role;

    @Inject
    DkgLedger ledger;

    @Inject
    IssuerMetrics metrics;

    @Inject
    @ConfigProperty(name = "nym.dkg.poll-seconds", defaultValue = "2")
    int pollSeconds;

    @Resource
    TimerService timers;

    /** Secure in production; the dealing's polynomials and the complaints' proofs draw from it. */
    RandomSource rng = RandomSource.secure();

    private final AtomicBoolean polling = new AtomicBoolean();
    /** Dealings whose share this process opened ("epoch/dealer"): each is opened once per process. */
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    /** The key epoch and phase of the previous round, to log each change once. */
    private volatile String lastSeen;

    @PostConstruct
    void schedule() {
        if (!role.serving()) {
            LOG.info(() -> "no DKG participation: issuer role " + role.state());
            return;
        }
        long period = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
        LOG.info(() -> "DKG participation of authority " + role.authority() + " every " + pollSeconds + " s");
    }

    @Timeout
    void onTimeout() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            round();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DKG round of authority " + role.authority() + " left for the next one", e);
        } finally {
            polling.set(false);
        }
    }

    /** One round: what the ledger's latest key epoch asks of this authority, then the completed epochs it lacks. */
    void round() {
        if (!role.serving()) {
            return;
        }
        Optional<KeyEpoch> latest = ledger.latest();
        if (latest.isPresent()) {
            KeyEpoch epoch = latest.get();
            metrics.keyEpoch(epoch.number());
            if (!epoch.toString().equals(lastSeen)) {
                lastSeen = epoch.toString();
                LOG.info(() -> "authority " + role.authority() + " sees " + epoch);
            }
            switch (epoch.phase()) {
                case DEALING -> dealOnce(epoch);
                case COMPLAINTS -> complainAboutBadDealings(epoch);
                case COMPLETED -> install(epoch);
                case FAILED -> role.neverHold(epoch.number(), "key epoch " + epoch.number() + " failed");
            }
        }
        Optional<KeyEpoch> completed = latest.filter(e -> e.phase() == KeyEpoch.Phase.COMPLETED);
        if (completed.isEmpty()) {
            completed = ledger.latestCompleted();
            completed.ifPresent(this::install);
        }
        for (long number : role.wanted()) {
            ledger.keyEpoch(number).ifPresent(this::installOrGiveUp);
        }
        role.observed(latest, completed.map(KeyEpoch::number).orElse(0L));
    }

    private void dealOnce(KeyEpoch epoch) {
        int me = role.authority();
        if (!registeredAsMe(epoch)) {
            return;
        }
        if (ledger.dealings(epoch.number()).hasDealingOf(me)) {
            LOG.fine(() -> epoch + ": the ledger has the dealing of authority " + me);
            return;
        }
        byte[] dealing;
        try {
            dealing = Dealing.deal(role.params(), epoch.threshold(), epoch.recipientKeys(), context(epoch, me), rng)
                    .toBytes();
        } catch (CoconutException e) {
            role.fail(epoch + ": cannot deal: " + e.getMessage(), e);
            return;
        }
        DkgLedger.Submission s = ledger.submitDealing(epoch.number(), dealing);
        if (s.accepted()) {
            metrics.dealt();
            LOG.info(() -> epoch + ": authority " + me + " dealt (tx " + s.txHash() + ")");
        } else {
            LOG.warning(() -> epoch + ": the ledger refused the dealing of authority " + me + ": " + s.log());
        }
    }

    /** Recipient i is the issuer genesis registers at index i; one whose DKG key differs cannot take part. */
    private boolean registeredAsMe(KeyEpoch epoch) {
        int me = role.authority();
        DkgPublicKey registered = epoch.issuers().get(me);
        if (registered == null) {
            role.neverHold(epoch.number(), "authority " + me + " is no recipient of key epoch " + epoch.number());
            LOG.warning(() -> epoch + ": authority " + me + " is not among its " + epoch.size() + " issuers");
            return false;
        }
        if (!registered.equals(role.dkgKey().publicKey())) {
            role.fail(
                    epoch + ": the ledger registers another DKG key for issuer " + me + " than this authority's"
                            + " dkg.key",
                    null);
            return false;
        }
        return true;
    }

    private void complainAboutBadDealings(KeyEpoch epoch) {
        int me = role.authority();
        if (!registeredAsMe(epoch)) {
            return;
        }
        EpochDealings onLedger = ledger.dealings(epoch.number());
        for (Map.Entry<Integer, byte[]> d : onLedger.dealings().entrySet()) {
            int dealer = d.getKey();
            String key = epoch.number() + "/" + dealer;
            if (opened.contains(key)) {
                continue;
            }
            DealingContext context = context(epoch, dealer);
            boolean settled = true;
            try {
                Dealing dealing = Dealing.fromBytes(d.getValue(), role.params(), epoch.threshold(), epoch.size());
                try {
                    dealing.openShare(me, role.dkgKey(), context);
                } catch (CoconutException bad) {
                    settled = complain(epoch, dealer, dealing, context, onLedger, bad);
                }
            } catch (CoconutException malformed) {
                // The ledger stores only dealings that parse for this epoch: this one is not ours to judge.
                LOG.warning(() -> epoch + ": dealing of " + dealer + " does not parse here: " + malformed.getMessage());
            }
            if (settled) {
                opened.add(key); // a refused complaint is tried again next round, while the phase lasts
            }
        }
    }

    /** Posts this authority's complaint against {@code dealer} unless the ledger has it; true once it has. */
    private boolean complain(
            KeyEpoch epoch,
            int dealer,
            Dealing dealing,
            DealingContext context,
            EpochDealings onLedger,
            CoconutException why) {
        int me = role.authority();
        if (onLedger.hasComplaint(dealer, me)) {
            LOG.fine(() -> epoch + ": the ledger has the complaint of " + me + " against dealer " + dealer);
            return true;
        }
        byte[] complaint =
                Complaint.against(dealing, me, role.dkgKey(), context, rng).toBytes();
        DkgLedger.Submission s = ledger.submitComplaint(epoch.number(), dealer, complaint);
        if (s.accepted()) {
            metrics.complained();
            LOG.warning(() -> epoch + ": authority " + me + " complained against dealer " + dealer + " (" + why.kind()
                    + ", tx " + s.txHash() + ")");
        } else {
            LOG.warning(() -> epoch + ": the ledger refused the complaint of " + me + " against dealer " + dealer + ": "
                    + s.log());
        }
        return s.accepted();
    }

    private void installOrGiveUp(KeyEpoch epoch) {
        if (epoch.phase() == KeyEpoch.Phase.COMPLETED) {
            install(epoch);
        } else if (epoch.phase() == KeyEpoch.Phase.FAILED) {
            role.neverHold(epoch.number(), "key epoch " + epoch.number() + " failed");
        }
    }

    /**
     * sk_i = Σ_{j∈QUAL} f_j(i) from the ledger's dealings, checked against the ledger's vk_i before it signs
     * anything: a share that does not match would make partial credentials nobody can verify, so the role fails.
     */
    private void install(KeyEpoch epoch) {
        int me = role.authority();
        if (role.holds(epoch.number()) || role.neverHeld(epoch.number()).isPresent()) {
            return;
        }
        if (!registeredAsMe(epoch)) {
            return;
        }
        Map<Integer, Dealing> qualified = new TreeMap<>();
        Map<Integer, DealingContext> contexts = new HashMap<>();
        SecretKey share;
        try {
            for (Map.Entry<Integer, byte[]> d :
                    ledger.dealings(epoch.number()).of(epoch.qualified()).entrySet()) {
                qualified.put(
                        d.getKey(), Dealing.fromBytes(d.getValue(), role.params(), epoch.threshold(), epoch.size()));
                contexts.put(d.getKey(), context(epoch, d.getKey()));
            }
            share = DkgResult.secretShare(qualified, contexts, me, role.dkgKey());
        } catch (CoconutException e) {
            role.fail(
                    epoch + ": cannot derive the share of authority " + me + " over QUAL " + epoch.qualified() + ": "
                            + e.getMessage(),
                    e);
            return;
        }
        VerificationKeyShare onLedger = epoch.shares().get(me);
        if (onLedger == null || !onLedger.key().equals(KeyGen.verificationKey(role.params(), share))) {
            role.fail(
                    epoch + ": the share derived over QUAL " + epoch.qualified()
                            + " does not match the ledger's verification key share of authority " + me,
                    null);
            return;
        }
        role.install(new IssuerKeys(
                me,
                epoch.number(),
                role.params(),
                share,
                onLedger,
                epoch.verificationKey().orElseThrow()));
        metrics.installed(epoch.number());
        LOG.info(() -> epoch + ": authority " + me + " installed its share, QUAL " + epoch.qualified());
    }

    private DealingContext context(KeyEpoch epoch, int dealer) {
        return new DealingContext(ledger.chainId(), epoch.number(), dealer);
    }
}
