package nym.issuer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        final List<PartialCredential> served = new ArrayList<>();

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

    /** A network tree as localnet writes it, with the test dealer's keys. */
    @BeforeAll
    static void writeTree() throws Exception {
        write("coconut/parameters", Holder.PARAMS.toText());
        write("coconut/verification-key", Holder.KEYS.verificationKey().toText());
        for (int i = 1; i <= 3; i++) {
            write(
                    "authorities/authority-" + i + "/issuer.key",
                    Holder.KEYS.issuer(i).secretKey().toText());
            write(
                    "authorities/authority-" + i + "/issuer.vk",
                    Holder.KEYS.issuer(i).verificationKeyShare().toText());
        }
    }

    private static void write(String relative, String text) throws Exception {
        Files.createDirectories(home.resolve(relative).getParent());
        Files.writeString(home.resolve(relative), text + "\n");
    }

    static IssuerRole role(int authority, Optional<String> networkHome) {
        IssuerRole role = new IssuerRole();
        role.authority = authority;
        role.networkHome = networkHome;
        role.load();
        return role;
    }

    private static DefaultIssuanceService service(int authority, InMemoryCredentials store) {
        DefaultIssuanceService service = new DefaultIssuanceService();
        service.role = role(authority, Optional.of(home.toString()));
        service.credentials = store;
        service.metrics = store.served::add;
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
    void issuerRole_treeOfTheContract_activeWithThatAuthoritysShare() {
        IssuerRole role = role(3, Optional.of(home.toString()));

        assertEquals("active: authority 3", role.state());
        assertEquals(
                Holder.KEYS.issuer(3).verificationKeyShare(),
                role.keys().orElseThrow().share());
        assertFalse(role.failed());
    }

    @Test
    void issuerRole_missingHomeIdleMissingKeysFailed_withTheReason() {
        IssuerRole noHome = role(1, Optional.empty());
        IssuerRole noKeys = role(4, Optional.of(home.toString()));

        assertEquals("idle: no nym.network.home", noHome.state());
        assertFalse(noHome.failed());
        assertTrue(noKeys.keys().isEmpty());
        assertTrue(noKeys.failed());
        assertTrue(noKeys.state().startsWith("failed: keys of authority 4 unreadable"), noKeys.state());
    }

    @Test
    void onCredentialRequest_roleWithUnreadableKeys_throwsSoTheEventIsOfferedAgain() throws Exception {
        InMemoryCredentials store = new InMemoryCredentials();
        DefaultIssuanceService service = service(4, store);
        CredentialRequest request = new Holder(10).recorded(10);

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> service.onCredentialRequest(request));

        assertTrue(refused.getMessage().contains("failed: keys of authority 4"), refused.getMessage());
        assertEquals(0, store.inserts, "nothing recorded: the request is served once the keys are repaired");
    }
}
