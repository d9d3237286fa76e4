package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import nym.directory.api.AuthoritySet;
import nym.directory.api.EpochDocument;
import nym.directory.api.Json;
import nym.directory.api.Keys;
import nym.directory.api.SignedEpochDocument;
import nym.directory.api.TrustedEpochs;
import nym.directory.api.testing.TestAuthorities;
import nym.directory.domain.epoch.EpochDocumentRepository;
import nym.directory.domain.epoch.EpochSignature;
import nym.directory.domain.node.NodeRepository;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance's rounds against an in-memory store, with no candidates (the registry's side is D2's and covered by the
 * integration tests): documents built when missing and signed, another's document signed, a bad one refused once,
 * old ones pruned.
 */
class EpochServiceTest {

    private static final long EPOCH_SECONDS = 3600;
    private static final long EPOCH = 490_000;

    @TempDir
    Path home;

    private final TestAuthorities authorities = new TestAuthorities(3, 2, EPOCH_SECONDS);
    private final MemoryDocuments documents = new MemoryDocuments();
    private final AtomicLong refused = new AtomicLong();
    private final FakeStakeLedger ledger = new FakeStakeLedger();
    private String admission = "open";

    private EpochService authority(int index, long nowMillis) throws IOException {
        Path set = home.resolve(AuthoritySet.TREE_FILE);
        Files.createDirectories(set.getParent());
        Files.writeString(set, authorities.set().toText(), StandardCharsets.UTF_8);
        Path key = AuthorityKeys.keyFile(home, index);
        Files.createDirectories(key.getParent());
        Files.writeString(key, Keys.encode(authorities.authority(index).secretKey()), StandardCharsets.US_ASCII);

        EpochService s = new EpochService();
        s.documents = documents;
        s.nodes = noCandidates();
        s.authority = new AuthorityKeys();
        s.authority.networkHome = Optional.of(home.toString());
        s.authority.authority = index;
        s.authority.load();
        s.instance = new InstanceIdentity();
        s.instance.authority = index;
        s.epochConfig = new EpochConfig();
        s.epochConfig.networkName = "testnet";
        s.epochConfig.retentionEpochs = 24;
        s.epochConfig.meanHopDelayMillis = 50;
        s.epochConfig.payloadRate = 2;
        s.epochConfig.loopRate = 1;
        s.epochConfig.dropRate = 1;
        s.epochConfig.admission = admission;
        s.config = new DirectoryConfig();
        s.config.mixLayers = 3;
        s.config.expirySeconds = 10;
        s.metrics = countingRefusals();
        s.clock = Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC);
        s.stake = FakeStakeLedger.serviceOver(ledger, s.clock);
        s.start();
        return s;
    }

    private static long middleOf(long epoch) {
        return epoch * EPOCH_SECONDS * 1000 + EPOCH_SECONDS * 500;
    }

    @BeforeEach
    void noRefusals() {
        refused.set(0);
    }

    @Test
    void tick_nothingStoredMidEpoch_buildsAndSignsTheCurrentDocumentOnly() throws IOException {
        authority(1, middleOf(EPOCH)).tick();

        assertTrue(documents.bodies.containsKey(EPOCH));
        assertFalse(documents.bodies.containsKey(EPOCH + 1), "the next epoch's lead window is not open");
        assertEquals(List.of(authorities.authority(1).publicKeyText()), signers(EPOCH));
        EpochDocument d = Json.read(documents.bodies.get(EPOCH), EpochDocument.class);
        assertEquals(EPOCH, d.epoch());
        assertEquals(3, d.mixnodes().size());
    }

    @Test
    void tick_inTheLeadWindow_buildsTheNextDocumentToo() throws IOException {
        long leadOpen = (EPOCH + 1) * EPOCH_SECONDS * 1000 - 300_000;

        authority(1, leadOpen).tick();

        assertTrue(documents.bodies.containsKey(EPOCH + 1));
        assertEquals(List.of(authorities.authority(1).publicKeyText()), signers(EPOCH + 1));
    }

    @Test
    void tick_secondAuthority_keepsTheStoredDocumentAndAddsItsSignature_twoOfThreeAccepted() throws IOException {
        authority(1, middleOf(EPOCH)).tick();
        byte[] first = documents.bodies.get(EPOCH);
        EpochService second = authority(2, middleOf(EPOCH));

        second.tick();

        assertArrayEquals(first, documents.bodies.get(EPOCH), "the first stored document is the one");
        SignedEpochDocument served = second.signed(EPOCH).orElseThrow();
        EpochDocument accepted = new TrustedEpochs(authorities.set()).accept(served, middleOf(EPOCH));
        assertEquals(EPOCH, accepted.epoch());
    }

    @Test
    void tick_storedDocumentWithWrongTimes_refusedOnceCountedAndNotSigned() throws IOException {
        EpochDocument good = new EpochDocumentBuilder(
                        authority(3, middleOf(EPOCH)).rules(), Optional.empty(), Optional.empty())
                .build(EPOCH, List.of(), EpochStanding.UNSCORED);
        EpochDocument bad = TestDocuments.withValidUntil(good, good.validUntilMillis() + 1);
        documents.insertIfAbsent(EPOCH, bad.canonicalBytes(), 3, 0);
        EpochService service = authority(1, middleOf(EPOCH));

        service.tick();
        service.tick();

        assertEquals(List.of(), signers(EPOCH));
        assertEquals(1, refused.get(), "refused and counted once, not every round");
    }

    @Test
    void tick_documentsOlderThanTheRetention_deleted() throws IOException {
        documents.insertIfAbsent(EPOCH - 25, new byte[] {'{', '}'}, 1, 0);
        documents.insertIfAbsent(EPOCH - 24, new byte[] {'{', '}'}, 1, 0);

        authority(1, middleOf(EPOCH)).tick();

        assertFalse(documents.bodies.containsKey(EPOCH - 25));
        assertTrue(documents.bodies.containsKey(EPOCH - 24));
    }

    @Test
    void tick_stakeAdmissionBeforeTheLedgerFixedTheActiveSet_noDocumentUntilItDoes() throws IOException {
        admission = "stake";
        ledger.withStake(800, EPOCH_SECONDS);

        authority(1, middleOf(EPOCH)).tick();

        assertFalse(documents.bodies.containsKey(EPOCH));

        ledger.withActive(EPOCH, List.of(), List.of(), Map.of());
        authority(1, middleOf(EPOCH)).tick();

        assertTrue(documents.bodies.containsKey(EPOCH), "built by the next instance to ask, e.g. after a restart");
    }

    @Test
    void tick_stakeAdmissionOnAChainWithoutStake_noDocument() throws IOException {
        admission = "stake";

        authority(1, middleOf(EPOCH)).tick();

        assertTrue(documents.bodies.isEmpty());
    }

    @Test
    void tick_openAdmissionAndTheRecordLate_waitsUntilHalfTheLeadThenBuildsWithoutIt() throws IOException {
        ledger.withStake(800, EPOCH_SECONDS);
        long next = EPOCH + 1;
        long leadOpen = next * EPOCH_SECONDS * 1000 - 300_000;

        authority(1, leadOpen).tick();
        authority(1, leadOpen + 149_999).tick();

        assertFalse(documents.bodies.containsKey(next), "waits for the ledger's record");

        authority(1, leadOpen + 150_000).tick();

        assertTrue(documents.bodies.containsKey(next));
        assertEquals(List.of(authorities.authority(1).publicKeyText()), signers(next));
    }

    @Test
    void tick_ledgerUnreachable_openBuildsAfterTheWaitStakeDoesNot() throws IOException {
        ledger.withStake(800, EPOCH_SECONDS).down(true);

        authority(1, middleOf(EPOCH)).tick();

        assertTrue(documents.bodies.containsKey(EPOCH), "open: past start − lead/2, built without scores");

        admission = "stake";
        authority(1, middleOf(EPOCH + 1)).tick();

        assertFalse(documents.bodies.containsKey(EPOCH + 1));
    }

    @Test
    void tick_stakeAdmissionLedgerUnreachableWhileChecking_notSignedNotRefused_signedOnceItAnswers()
            throws IOException {
        admission = "stake";
        ledger.withStake(800, EPOCH_SECONDS).withActive(EPOCH, List.of(), List.of(), Map.of());
        authority(1, middleOf(EPOCH)).tick();
        ledger.down(true);

        authority(2, middleOf(EPOCH)).tick();

        assertEquals(List.of(authorities.authority(1).publicKeyText()), signers(EPOCH));
        assertEquals(0, refused.get());

        ledger.down(false);
        authority(2, middleOf(EPOCH)).tick();

        assertEquals(2, signers(EPOCH).size());
    }

    @Test
    void tick_openAdmissionLedgerUnreachable_aDocumentWithoutScoresStillSigned() throws IOException {
        ledger.withStake(800, EPOCH_SECONDS).down(true);
        authority(1, middleOf(EPOCH)).tick();

        authority(2, middleOf(EPOCH)).tick();

        assertEquals(2, signers(EPOCH).size());
        assertEquals(0, refused.get());
    }

    @Test
    void signed_unknownEpoch_empty() throws IOException {
        assertTrue(authority(1, middleOf(EPOCH)).signed(EPOCH + 7).isEmpty());
    }

    private List<String> signers(long epoch) {
        return documents.signatures(epoch).stream()
                .map(EpochSignature::authorityKey)
                .toList();
    }

    private static NodeRepository noCandidates() {
        return (NodeRepository) Proxy.newProxyInstance(
                NodeRepository.class.getClassLoader(), new Class<?>[] {NodeRepository.class}, (p, m, a) -> {
                    if (m.getName().equals("candidates")) {
                        return List.of();
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Gauges registered and ignored; every counter is the refusal counter (the only one the service has). */
    private MetricRegistry countingRefusals() {
        Counter counter = (Counter)
                Proxy.newProxyInstance(Counter.class.getClassLoader(), new Class<?>[] {Counter.class}, (p, m, a) -> {
                    if (m.getName().equals("inc")) {
                        refused.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (MetricRegistry) Proxy.newProxyInstance(
                MetricRegistry.class.getClassLoader(),
                new Class<?>[] {MetricRegistry.class},
                (p, m, a) -> m.getName().equals("counter") ? counter : null);
    }

    /** {@link EpochDocumentRepository} in memory, with the same insert-if-absent rules as the SQL. */
    private static final class MemoryDocuments implements EpochDocumentRepository {
        final Map<Long, byte[]> bodies = new TreeMap<>();
        final Map<Long, List<EpochSignature>> signatures = new TreeMap<>();

        @Override
        public boolean insertIfAbsent(long epoch, byte[] body, int builtBy, long builtAt) {
            return bodies.putIfAbsent(epoch, body.clone()) == null;
        }

        @Override
        public Optional<byte[]> body(long epoch) {
            return Optional.ofNullable(bodies.get(epoch)).map(byte[]::clone);
        }

        @Override
        public List<EpochSignature> signatures(long epoch) {
            return List.copyOf(signatures.getOrDefault(epoch, List.of()));
        }

        @Override
        public void addSignature(long epoch, EpochSignature s) {
            List<EpochSignature> list = signatures.computeIfAbsent(epoch, e -> new ArrayList<>());
            if (list.stream().noneMatch(x -> x.authorityKey().equals(s.authorityKey()))) {
                list.add(s);
            }
        }

        @Override
        public int deleteBefore(long epoch) {
            List<Long> old = bodies.keySet().stream().filter(e -> e < epoch).toList();
            old.forEach(e -> {
                bodies.remove(e);
                signatures.remove(e);
            });
            return old.size();
        }
    }
}
