package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.AuthoritySet;
import nym.directory.api.SignedAuthorityAnnouncement;
import nym.directory.api.testing.TestAuthorities;
import nym.directory.domain.authority.AuthorityAnnouncementRepository;
import nym.directory.domain.authority.StoredAnnouncement;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory's side of the announcements on an in-memory store, with a tree that pins three test authorities. */
class AuthorityAnnouncementServiceTest {

    private static final long NOW = 1_764_921_600_000L;

    @TempDir
    Path home;

    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();
    private final MemoryAnnouncements store = new MemoryAnnouncements();
    private final AtomicLong accepted = new AtomicLong();
    private AuthorityAnnouncementService service;

    @BeforeEach
    void pinTheAuthorities() throws IOException {
        Path set = home.resolve(AuthoritySet.TREE_FILE);
        Files.createDirectories(set.getParent());
        Files.writeString(set, authorities.set().toText(), StandardCharsets.UTF_8);
        service = serviceWithTree(Optional.of(home.toString()));
    }

    @Test
    void accept_signedByThePinnedKeyOfItsIndex_storedAndServedAsSigned() {
        SignedAuthorityAnnouncement signed = authorities.announce(2, NOW - 1000);

        assertEquals(authorities.announcement(2, NOW - 1000), service.accept(signed));

        assertEquals(List.of(signed), service.current().authorities());
        assertEquals(NOW, store.rows.get(2).receivedAtMillis());
        assertEquals(1, accepted.get());
    }

    @Test
    void accept_theSameAnnouncementAgain_replayedAndNothingChanges() {
        SignedAuthorityAnnouncement signed = authorities.announce(1, NOW);
        service.accept(signed);

        assertRefused(RequestRejected.Reason.REPLAYED, signed);
        assertEquals(List.of(signed), service.current().authorities());
        assertEquals(1, accepted.get());
    }

    @Test
    void accept_olderThanTheOneHeld_replayedAndTheNewerKept() {
        SignedAuthorityAnnouncement newer = authorities.announce(1, NOW);
        service.accept(newer);

        assertRefused(RequestRejected.Reason.REPLAYED, authorities.announce(1, NOW - 300_000));
        assertEquals(List.of(newer), service.current().authorities());
    }

    @Test
    void accept_newerThanTheOneHeld_replacesIt() {
        service.accept(authorities.announce(3, NOW - 300_000));
        SignedAuthorityAnnouncement newer = authorities.announce(3, NOW);

        service.accept(newer);

        assertEquals(List.of(newer), service.current().authorities());
    }

    @Test
    void accept_signedByAnotherAuthoritysKey_badBodySignatureAndNothingStored() {
        SignedAuthorityAnnouncement forged =
                SignedAuthorityAnnouncement.sign(authorities.announcement(1, NOW), authorities.authority(2));

        assertRefused(RequestRejected.Reason.BAD_BODY_SIGNATURE, forged);
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void accept_keysOfAnotherSet_badBodySignature() {
        TestAuthorities others = TestAuthorities.threeOfWhichTwo();

        assertRefused(RequestRejected.Reason.BAD_BODY_SIGNATURE, others.announce(1, NOW));
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void accept_indexOutsideThePinnedSet_unknownAuthority() {
        TestAuthorities four = new TestAuthorities(4, 2, 3600);

        assertRefused(RequestRejected.Reason.UNKNOWN_AUTHORITY, four.announce(4, NOW));
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void accept_directoryWithoutAuthoritySet_unknownAuthority() {
        service = serviceWithTree(Optional.empty());

        assertRefused(RequestRejected.Reason.UNKNOWN_AUTHORITY, authorities.announce(1, NOW));
    }

    @Test
    void accept_notAnAnnouncement_malformed() {
        assertRefused(RequestRejected.Reason.MALFORMED, new SignedAuthorityAnnouncement("***", "x"));
    }

    @Test
    void accept_badFieldUnderAValidSignature_malformedNamingTheField() {
        AuthorityAnnouncement a = authorities.announcement(1, NOW);
        AuthorityAnnouncement badUrl = new AuthorityAnnouncement(
                1,
                a.directoryKey(),
                a.ledgerRpc(),
                "ftp://host/issuer/api",
                a.issuerAddress(),
                a.watcherAddress(),
                a.verifierAddress(),
                a.dkgKey(),
                NOW);

        RequestRejected e = assertThrows(
                RequestRejected.class,
                () -> service.accept(SignedAuthorityAnnouncement.sign(badUrl, authorities.authority(1))));
        assertEquals(RequestRejected.Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith("issuerUrl"), e.getMessage());
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void accept_datedBeyondTheClockAllowance_malformed() {
        assertRefused(
                RequestRejected.Reason.MALFORMED,
                authorities.announce(1, NOW + AnnouncementRules.MAX_AHEAD_MILLIS + 1));
        service.accept(authorities.announce(1, NOW + AnnouncementRules.MAX_AHEAD_MILLIS));
    }

    @Test
    void current_announcementHeldFromAReplacedSet_notServed() {
        SignedAuthorityAnnouncement old = TestAuthorities.threeOfWhichTwo().announce(1, NOW);
        store.storeIfNewer(new StoredAnnouncement(1, old, NOW, NOW));
        SignedAuthorityAnnouncement current = authorities.announce(2, NOW);
        service.accept(current);

        assertEquals(List.of(current), service.current().authorities());
    }

    private void assertRefused(RequestRejected.Reason reason, SignedAuthorityAnnouncement signed) {
        assertEquals(
                reason,
                assertThrows(RequestRejected.class, () -> service.accept(signed))
                        .reason());
    }

    private AuthorityAnnouncementService serviceWithTree(Optional<String> tree) {
        AuthorityAnnouncementService s = new AuthorityAnnouncementService();
        s.announcements = store;
        s.authorities = new AuthorityKeys();
        s.authorities.networkHome = tree;
        s.authorities.load();
        s.metrics = countingAccepted();
        s.clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        return s;
    }

    /** The only counter the service has is the accepted one. */
    private MetricRegistry countingAccepted() {
        Counter counter = (Counter)
                Proxy.newProxyInstance(Counter.class.getClassLoader(), new Class<?>[] {Counter.class}, (p, m, a) -> {
                    if (m.getName().equals("inc")) {
                        accepted.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (MetricRegistry) Proxy.newProxyInstance(
                MetricRegistry.class.getClassLoader(), new Class<?>[] {MetricRegistry.class}, (p, m, a) -> {
                    if (m.getName().equals("counter")) {
                        return counter;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** The repository's rule (newer replaces, else nothing changes) on a map. */
    private static final class MemoryAnnouncements implements AuthorityAnnouncementRepository {
        final Map<Integer, StoredAnnouncement> rows = new TreeMap<>();

        @Override
        public boolean storeIfNewer(StoredAnnouncement a) {
            StoredAnnouncement held = rows.get(a.index());
            if (held != null && held.announcedAtMillis() >= a.announcedAtMillis()) {
                return false;
            }
            rows.put(a.index(), a);
            return true;
        }

        @Override
        public List<StoredAnnouncement> all() {
            return List.copyOf(rows.values());
        }
    }
}
