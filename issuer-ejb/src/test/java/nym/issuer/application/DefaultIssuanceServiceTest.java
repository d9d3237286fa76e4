package nym.issuer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nym.issuer.domain.CredentialRequest;
import nym.issuer.domain.Holder;
import nym.issuer.domain.PartialCredential;
import nym.issuer.domain.PartialCredentialRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultIssuanceServiceTest {

    /** The table's contract: one record per (authority, request), first one wins. */
    static final class InMemoryCredentials implements PartialCredentialRepository {
        final Map<String, PartialCredential> rows = new HashMap<>();
        /** What the service counted in its metrics. */
        final RecordingMetrics metrics = new RecordingMetrics();

        final List<PartialCredential> served = metrics.served;

        int inserts;

        @Override
        public Optional<PartialCredential> find(int authority, String requestId) {
            return Optional.ofNullable(rows.get(authority + "/" + requestId));
        }

        @Override
        public boolean addIfAbsent(PartialCredential c) {
            inserts++;
            return rows.putIfAbsent(c.authority() + "/" + c.requestId(), c) == null;
        }
    }

    @TempDir
    static Path home;

    private static Authorities authorities;

    /** A network tree as localnet writes it: parameters, each authority's DKG and account keys. */
    @BeforeAll
    static void writeTree() throws Exception {
        authorities = new Authorities(home, 3, 3);
    }

    /** Authority i's role holding the test keys as key epoch 1, the latest completed one. */
    static IssuerRole activeRole(int authority) {
        IssuerRole role = authorities.role(authority);
        if (role.serving()) {
            role.install(Holder.issuer(authority));
            role.observed(Optional.empty(), Holder.KEY_EPOCH);
        }
        return role;
    }

    private static DefaultIssuanceService service(int authority, InMemoryCredentials store) {
        return service(activeRole(authority), store);
    }

    private static DefaultIssuanceService service(IssuerRole role, InMemoryCredentials store) {
        DefaultIssuanceService service = new DefaultIssuanceService();
        service.role = role;
        service.credentials = store;
        service.metrics = store.metrics;
        return service;
    }

    @Test
    void onCredentialRequest_deliveredTwice_signedOnceAndSameShareServed() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(2, store);
        CredentialRequest request = new Holder(10).recorded(10);

        service.onCredentialRequest(request);
        PartialCredential first = service.partialCredential(request.requestId()).orElseThrow();
        service.onCredentialRequest(request);

        assertEquals(1, store.inserts, "the second delivery signs nothing");
        assertEquals(List.of(first), store.served, "counted once, as issued");
        assertEquals(first, service.partialCredential(request.requestId()).orElseThrow());
        assertTrue(first.isIssued());
        assertEquals(2, first.authority());
        assertEquals(Holder.KEY_EPOCH, first.keyEpoch());
    }

    @Test
    void onCredentialRequest_badProof_refusalRecordedOnce() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(1, store);
        CredentialRequest request = new Holder(10).recorded(20);

        service.onCredentialRequest(request);
        service.onCredentialRequest(request);

        PartialCredential record =
                service.partialCredential(request.requestId()).orElseThrow();
        assertTrue(record.refusal().isPresent());
        assertEquals(1, store.inserts);
        assertEquals(List.of(record), store.served, "counted once, as refused");
    }

    @Test
    void partialCredential_otherAuthoritysRecord_notServed() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        CredentialRequest request = new Holder(10).recorded(10);
        service(1, store).onCredentialRequest(request);

        assertTrue(service(3, store).partialCredential(request.requestId()).isEmpty());
    }

    @Test
    void onCredentialRequest_idleRole_nothingSignedOrServed() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(0, store);
        CredentialRequest request = new Holder(10).recorded(10);

        service.onCredentialRequest(request);

        assertEquals(0, store.inserts);
        assertTrue(service.partialCredential(request.requestId()).isEmpty());
        assertEquals("idle: no nym.authority.index", service.role.state());
    }

    @Test
    void issuerRole_treeOfTheContract_waitsForKeyGenerationThenActiveWithTheInstalledShare() {
        IssuerRole role = authorities.role(3);
        assertEquals("waiting for key generation (ledger not read yet)", role.state());
        assertTrue(role.serving());
        assertTrue(role.keys().isEmpty());

        role.install(Holder.issuer(3));
        role.observed(Optional.empty(), Holder.KEY_EPOCH);

        assertEquals("active: authority 3, key epoch 1", role.state());
        assertEquals(
                Holder.KEYS.issuer(3).verificationKeyShare(),
                role.keys().orElseThrow().share());
        assertFalse(role.failed());
    }

    @Test
    void issuerRole_missingHomeIdleMissingKeysFailed_withTheReason() {
        IssuerRole noHome = Authorities.role(1, Optional.empty());
        IssuerRole noKeys = authorities.role(4);

        assertEquals("idle: no nym.network.home", noHome.state());
        assertFalse(noHome.failed());
        assertFalse(noHome.serving());
        assertTrue(noKeys.keys().isEmpty());
        assertTrue(noKeys.failed());
        assertTrue(noKeys.state().startsWith("failed: files of authority 4 unreadable"), noKeys.state());
    }

    @Test
    void onCredentialRequest_keyEpochNotHeldYet_throwsSoTheEventIsOfferedAgainAndAsksForIt() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(2, store);
        CredentialRequest nextEpoch = new Holder(10).recorded(10, 2);

        IllegalStateException left =
                assertThrows(IllegalStateException.class, () -> service.onCredentialRequest(nextEpoch));

        assertTrue(left.getMessage().contains("no share of key epoch 2 yet"), left.getMessage());
        assertEquals(0, store.inserts, "not skipped, not signed with key epoch 1's share");
        assertEquals(Set.of(2L), service.role.wanted(), "the participant installs key epoch 2 once it completes");
    }

    @Test
    void onCredentialRequest_keyEpochThatFailed_refusalRecorded() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(2, store);
        service.role.neverHold(2, "key epoch 2 failed");
        CredentialRequest failedEpoch = new Holder(10).recorded(10, 2);

        service.onCredentialRequest(failedEpoch);

        PartialCredential record =
                service.partialCredential(failedEpoch.requestId()).orElseThrow();
        assertEquals(
                "no share of key epoch 2: key epoch 2 failed", record.refusal().orElseThrow());
        assertEquals(2, record.keyEpoch());
    }

    @Test
    void onCredentialRequest_waitingRole_requestLeftForLater() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(authorities.role(1), store);

        assertThrows(IllegalStateException.class, () -> service.onCredentialRequest(new Holder(10).recorded(10)));
        assertEquals(0, store.inserts);
    }

    @Test
    void onCredentialRequest_roleWithUnreadableKeys_throwsSoTheEventIsOfferedAgain() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(4, store);
        CredentialRequest request = new Holder(10).recorded(10);

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> service.onCredentialRequest(request));

        assertTrue(refused.getMessage().contains("failed: files of authority 4"), refused.getMessage());
        assertEquals(0, store.inserts, "nothing recorded: the request is served once the keys are repaired");
    }
}
