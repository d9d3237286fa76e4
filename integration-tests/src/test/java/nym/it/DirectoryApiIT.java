package nym.it;

import static nym.it.DirectoryProbe.awaitTopology;
import static nym.it.DirectoryProbe.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.EpochDocument;
import nym.directory.api.TrustedEpochs;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory's API on the real EAR (Arquillian, client mode, DAS): presence of each node kind with per-epoch Sphinx
 * keys, the signing rules (other key, stale, future, replayed), one node per address, client listener and Sphinx key,
 * leave notices, expiry, the unsigned live view and its ETag, the epoch documents this DAS (authority 1) builds and
 * signs, the authorities' signed announcements (one signed by the pinned key served, a replay, a forged, unknown or
 * malformed one refused), metrics and the WebSocket stream, operator bans and approvals, and bad input answered with
 * 4xx problem+json.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryApiIT {

    /** The operator of the nym-operators realm, which integration-tests/bin/run has nym-payara set up. */
    static final String OPERATOR = "operator:" + requiredEnv("NYM_OPERATOR_PASSWORD");
    /** A user of the same realm outside group operator: authenticated, not authorised. */
    static final String VIEWER =
            "itviewer:" + "viewer" + ThreadLocalRandom.current().nextInt(1_000_000);

    private static final AtomicInteger PORTS =
            new AtomicInteger(2000 + ThreadLocalRandom.current().nextInt(30000));
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, TestEnvironment.ear().toFile());
    }

    @BeforeAll
    static void viewerInOperatorRealm() throws Exception {
        String[] user = VIEWER.split(":", 2);
        Path passwordFile = Files.createTempFile("viewer", ".pw");
        try {
            Files.writeString(passwordFile, "AS_ADMIN_USERPASSWORD=" + user[1] + "\n");
            PayaraScript.run(
                    "asadmin",
                    "--passwordfile",
                    passwordFile.toString(),
                    "create-file-user",
                    "--authrealmname",
                    "nym-operators",
                    "--groups",
                    "viewer",
                    "--target",
                    "server",
                    user[0]);
        } finally {
            Files.delete(passwordFile);
        }
    }

    @AfterAll
    static void removeViewer() throws Exception {
        PayaraScript.run(
                "asadmin", "delete-file-user", "--authrealmname", "nym-operators", "--target", "server", "itviewer");
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " is not set: run these tests through integration-tests/bin/run");
        }
        return value;
    }

    private static URI das() {
        return TestEnvironment.das();
    }

    private static String host() {
        return "127.0.0.1:" + PORTS.incrementAndGet();
    }

    /** Posts {@code node}'s mix node presence at {@code host}, which must be accepted. */
    private static void postPresence(SignedNode node, String host) throws Exception {
        HttpResponse<String> r = node.post(das(), "/api/presence/mixnodes", node.mixnodeJson(host));
        assertEquals(204, r.statusCode(), r.body());
    }

    @Test
    void mixnodePresence_signed_inLiveViewWithItsKeyForTheEpochUnsigned() throws Exception {
        SignedNode node = new SignedNode();
        String host = host();

        HttpResponse<String> r = node.post(das(), "/api/presence/mixnodes", node.mixnodeJson(host));

        assertEquals(204, r.statusCode(), r.body());
        HttpResponse<String> t = awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));
        String body = t.body();
        assertTrue(body.contains("\"host\":\"" + host + "\""), body);
        long epoch = Long.parseLong(body.replaceAll("(?s).*\"epoch\":(\\d+).*", "$1"));
        assertTrue(body.contains(node.sphinxKey(epoch)), "the key announced for epoch " + epoch + ": " + body);
        assertFalse(body.contains("\"layer\""), "the authorities assign layers, the live view has none: " + body);
        assertTrue(t.headers().firstValue("Nym-Signature").isEmpty(), "the live view is not signed (not for routing)");
    }

    @Test
    void gatewayAndValidatorPresence_signed_inTopology() throws Exception {
        SignedNode gateway = new SignedNode();
        SignedNode validator = new SignedNode();
        String gw = gateway.gatewayJson(host(), host());
        String val =
                "{\"host\":\"http://127.0.0.1:" + PORTS.incrementAndGet() + "\",\"identityKey\":\"" + validator.key()
                        + "\",\"type\":\"issuer\",\"publicKey\":\"vk-share-1\",\"version\":\"0.1.0\",\"location\":\"Y\"}";

        assertEquals(204, gateway.post(das(), "/api/presence/gateways", gw).statusCode());
        assertEquals(204, validator.post(das(), "/api/presence/validators", val).statusCode());

        String body = awaitTopology(
                        das(), b -> b.contains(gateway.key()) && b.contains(validator.key()), Duration.ofSeconds(10))
                .body();
        assertFalse(body.contains("registeredClients"), "the topology names no clients (issue 17): " + body);
        assertTrue(body.contains("\"type\":\"issuer\""), body);
    }

    @Test
    void gatewayPresence_stillCarryingRegisteredClients_400AndNotStored() throws Exception {
        SignedNode gateway = new SignedNode();
        String json = gateway.gatewayJson(host(), host());
        String old = json.substring(0, json.length() - 1) + ",\"registeredClients\":[\"alice\",\"bob\"]}";

        assertProblem(
                gateway.post(das(), "/api/presence/gateways", old), 400, "registeredClients is no longer accepted");
        assertNotInTopology(gateway);
    }

    @Test
    void monitoring_acceptedAndRefusedPresences_countedInApplicationMetrics() throws Exception {
        String accepted = "nym_directory_presences_accepted_total";
        String refused = "nym_directory_requests_refused_total";
        double acceptedBefore = AppMetrics.sum(das(), accepted, "kind=\"mixnode\"");
        double badSignaturesBefore = AppMetrics.sum(das(), refused, "reason=\"bad_signature\"");
        SignedNode node = new SignedNode();
        byte[] body = utf8(node.mixnodeJson(host()));
        long ts = System.currentTimeMillis();

        postPresence(node, host());
        String forged = new SignedNode().sign("/api/presence/mixnodes", ts, body);
        assertEquals(
                401,
                SignedNode.send(das(), "/api/presence/mixnodes", body, Long.toString(ts), forged, "application/json")
                        .statusCode());

        assertEquals(acceptedBefore + 1, AppMetrics.sum(das(), accepted, "kind=\"mixnode\""));
        assertEquals(badSignaturesBefore + 1, AppMetrics.sum(das(), refused, "reason=\"bad_signature\""));
    }

    @Test
    void presence_signedByAnotherKey_401AndNotStored() throws Exception {
        SignedNode node = new SignedNode();
        SignedNode other = new SignedNode();
        byte[] body = utf8(node.mixnodeJson(host()));
        long ts = System.currentTimeMillis();

        HttpResponse<String> r = SignedNode.send(
                das(),
                "/api/presence/mixnodes",
                body,
                Long.toString(ts),
                other.sign("/api/presence/mixnodes", ts, body),
                "application/json");

        assertProblem(r, 401, "signature does not verify");
        assertNotInTopology(node);
    }

    @Test
    void presence_signatureForAnotherPath_401() throws Exception {
        SignedNode node = new SignedNode();
        byte[] body = utf8(node.mixnodeJson(host()));
        long ts = System.currentTimeMillis();

        HttpResponse<String> r = SignedNode.send(
                das(),
                "/api/presence/mixnodes",
                body,
                Long.toString(ts),
                node.sign("/api/presence/gateways", ts, body),
                "application/json");

        assertProblem(r, 401, "signature");
    }

    @Test
    void presence_staleOrFutureTimestamp_401() throws Exception {
        SignedNode node = new SignedNode();
        byte[] body = utf8(node.mixnodeJson(host()));
        for (long ts : new long[] {System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000}) {
            HttpResponse<String> r = SignedNode.send(
                    das(),
                    "/api/presence/mixnodes",
                    body,
                    Long.toString(ts),
                    node.sign("/api/presence/mixnodes", ts, body),
                    "application/json");
            assertProblem(r, 401, "Nym-Timestamp");
        }
        assertNotInTopology(node);
    }

    @Test
    void presence_replayed_409() throws Exception {
        SignedNode node = new SignedNode();
        byte[] body = utf8(node.mixnodeJson(host()));
        long ts = System.currentTimeMillis();
        String sig = node.sign("/api/presence/mixnodes", ts, body);

        HttpResponse<String> first =
                SignedNode.send(das(), "/api/presence/mixnodes", body, Long.toString(ts), sig, "application/json");
        HttpResponse<String> replay =
                SignedNode.send(das(), "/api/presence/mixnodes", body, Long.toString(ts), sig, "application/json");

        assertEquals(204, first.statusCode(), first.body());
        assertProblem(replay, 409, "not newer");
    }

    @Test
    void presence_addressBoundToAnotherKey_409() throws Exception {
        SignedNode owner = new SignedNode();
        SignedNode thief = new SignedNode();
        String host = host();
        postPresence(owner, host);

        HttpResponse<String> r = thief.post(das(), "/api/presence/mixnodes", thief.mixnodeJson(host));

        assertProblem(r, 409, "bound to another identity key");
        assertNotInTopology(thief);
    }

    @Test
    void gatewayPresence_mixnetListenerOfAMixnodeOrClientListenerOfAnotherGateway_409AndNotStored() throws Exception {
        SignedNode mixnode = new SignedNode();
        SignedNode gateway = new SignedNode();
        SignedNode thief = new SignedNode();
        String mixHost = host();
        String clientListener = host();
        postPresence(mixnode, mixHost);
        assertEquals(
                204,
                gateway.post(das(), "/api/presence/gateways", gateway.gatewayJson(clientListener, host()))
                        .statusCode());

        // an address belongs to one node whatever its kind
        assertProblem(
                thief.post(das(), "/api/presence/gateways", thief.gatewayJson(host(), mixHost)),
                409,
                "address " + mixHost + " is bound to another identity key");
        assertProblem(
                thief.post(das(), "/api/presence/gateways", thief.gatewayJson(clientListener, host())),
                409,
                "clientListener " + clientListener + " is bound to another identity key");
        assertNotInTopology(thief);
    }

    @Test
    void presence_sphinxKeyOfAnotherNode_409AndNotStored() throws Exception {
        SignedNode owner = new SignedNode();
        SignedNode copier = new SignedNode();
        postPresence(owner, host());
        long epoch = SignedNode.currentEpoch();
        // the copier announces the owner's key (with the owner's proofs: it cannot make its own without the secret)
        String copied = "{\"host\":\"" + host() + "\",\"identityKey\":\"" + copier.key() + "\",\"sphinxKeys\":["
                + SignedNode.announcedKeyJson(epoch, owner.sphinxKey(epoch), owner.proofsJson(epoch)) + "]}";

        HttpResponse<String> r = copier.post(das(), "/api/presence/mixnodes", copied);

        assertProblem(r, 409, "sphinxKey " + owner.sphinxKey(epoch) + " belongs to another node");
        assertNotInTopology(copier);
        assertEquals(
                204,
                copier.post(das(), "/api/presence/mixnodes", copier.mixnodeJson(host()))
                        .statusCode(),
                "nothing of the refused presence was stored: the copier registers with its own keys");
    }

    @Test
    void leave_signed_nodeLeavesLiveViewUntilItsNextPresence() throws Exception {
        SignedNode node = new SignedNode();
        String host = host();
        postPresence(node, host);
        awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));
        byte[] leave = utf8(node.leaveJson());
        long ts = node.nextTimestamp();
        String sig = node.sign("/api/presence/leave", ts, leave);

        HttpResponse<String> r =
                SignedNode.send(das(), "/api/presence/leave", leave, Long.toString(ts), sig, "application/json");

        assertEquals(204, r.statusCode(), r.body());
        awaitTopology(das(), b -> !b.contains(node.key()), Duration.ofSeconds(10));
        assertProblem(
                SignedNode.send(das(), "/api/presence/leave", leave, Long.toString(ts), sig, "application/json"),
                409,
                "not newer");
        postPresence(node, host);
        awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));
    }

    @Test
    void leave_unknownNodeOrSignedByAnotherKey_refused() throws Exception {
        SignedNode stranger = new SignedNode();
        assertProblem(stranger.post(das(), "/api/presence/leave", stranger.leaveJson()), 404, "no node");

        SignedNode node = new SignedNode();
        postPresence(node, host());
        byte[] leave = utf8(node.leaveJson());
        long ts = System.currentTimeMillis();
        assertProblem(
                SignedNode.send(
                        das(),
                        "/api/presence/leave",
                        leave,
                        Long.toString(ts),
                        stranger.sign("/api/presence/leave", ts, leave),
                        "application/json"),
                401,
                "signature does not verify");
        awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));
    }

    @Test
    void presence_sameKeyAsAnotherKind_409() throws Exception {
        SignedNode node = new SignedNode();
        postPresence(node, host());
        String val = "{\"host\":\"" + host() + "\",\"identityKey\":\"" + node.key() + "\",\"type\":\"verifier\"}";

        assertProblem(node.post(das(), "/api/presence/validators", val), 409, "registered as a mixnode");
    }

    @Test
    void presence_noHeartbeatForExpiryWindow_leavesTopology() throws Exception {
        SignedNode node = new SignedNode();
        postPresence(node, host());
        awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));

        // Default expiry 10 s, topology rebuilt at most every second.
        awaitTopology(das(), b -> !b.contains(node.key()), Duration.ofSeconds(20));
        assertEquals(
                204,
                node.post(das(), "/api/presence/mixnodes", node.mixnodeJson(host()))
                        .statusCode(),
                "a node comes back with its next heartbeat");
    }

    @Test
    void topology_ifNoneMatchCurrentEtag_304() throws Exception {
        HttpResponse<String> first = Http.get(das(), "/api/presence/topology");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);

        HttpRequest conditional = HttpRequest.newBuilder(das().resolve("/api/presence/topology"))
                .header("If-None-Match", etag)
                .GET()
                .build();
        HttpResponse<String> second = CLIENT.send(conditional, HttpResponse.BodyHandlers.ofString());

        // The ETag changes only when the set of live nodes changes; other tests may be adding nodes meanwhile.
        assertTrue(second.statusCode() == 304 || second.statusCode() == 200, "status " + second.statusCode());
        if (second.statusCode() == 304) {
            assertEquals("", second.body());
        } else {
            assertFalse(etag.equals(second.headers().firstValue("ETag").orElseThrow()));
        }
    }

    @Test
    void epochDocument_nodeWithProvenKeysAnsweringTheProbe_listedLaterAndSignedByThisAuthorityAlone() throws Exception {
        AuthoritySet authorities = SignedNode.AUTHORITIES;
        // The DAS is authority 1 (integration-tests/bin/run); the group is stopped, so nobody else signs.
        AuthoritySet authority1 = new AuthoritySet(List.of(authorities.keys().get(0)), 1, authorities.epochSeconds());
        try (EpochNode node = EpochNode.answering()) {
            long start = node.epochNow();
            node.keepAlive(das());

            EpochDocuments.Accepted accepted =
                    EpochDocuments.awaitListing(das(), authority1, node.key(), start, Duration.ofSeconds(40));

            assertEquals(List.of(authorities.keys().get(0)), EpochDocuments.signers(accepted.signed()));
            DirectoryException threshold = assertThrows(
                    DirectoryException.class,
                    () -> new TrustedEpochs(authorities).accept(accepted.signed(), System.currentTimeMillis()));
            assertEquals(DirectoryException.Kind.NOT_ENOUGH_SIGNATURES, threshold.kind());
            EpochDocument d = accepted.document();
            EpochDocument.Mixnode listed = d.mixnodes().stream()
                    .flatMap(l -> l.nodes().stream())
                    .filter(m -> m.identityKey().equals(node.key()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(node.host(), listed.host());
            assertEquals(d.startMillis() + authorities.epochSeconds() * 1000, d.endMillis());
            assertTrue(d.validUntilMillis() > d.endMillis(), "a grace after the end");
            assertNull(node.lastRefusal(), "every heartbeat accepted");
        }
    }

    @Test
    void epochs_byNumberWithItsEtag_304ThenUnknownAndMalformed_404And400() throws Exception {
        AuthoritySet authorities = SignedNode.AUTHORITIES;
        long epoch;
        try (EpochNode node = EpochNode.answering()) {
            long start = node.epochNow();
            node.keepAlive(das());
            AuthoritySet authority1 =
                    new AuthoritySet(List.of(authorities.keys().get(0)), 1, authorities.epochSeconds());
            epoch = EpochDocuments.awaitListing(das(), authority1, node.key(), start, Duration.ofSeconds(40))
                    .document()
                    .epoch();
        }
        HttpResponse<String> first = Http.get(das(), "/api/epochs/" + epoch);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(""));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = CLIENT.send(
                HttpRequest.newBuilder(das().resolve("/api/epochs/" + epoch))
                        .header("If-None-Match", etag)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode(), "only this DAS signs, so the signatures no longer change");

        assertProblem(Http.get(das(), "/api/epochs/" + (epoch + 100_000)), 404, "not built yet");
        assertProblem(Http.get(das(), "/api/epochs/1"), 404, "no document of epoch 1");
        assertProblem(Http.get(das(), "/api/epochs/soon"), 400, "epoch must be a number");
    }

    @Test
    void epochAuthorities_served_theTestTreesSetAsText() throws Exception {
        HttpResponse<String> r = Http.get(das(), "/api/epochs/authorities");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                "text/plain", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(SignedNode.AUTHORITIES, AuthoritySet.parse(r.body()));
    }

    @Test
    void authorities_announcementSignedByThePinnedKeyOfItsIndex_servedAsSignedAndItsReplay409() throws Exception {
        String key = SignedNode.AUTHORITIES.keys().get(2);
        String issuerUrl = "http://127.0.0.1:" + PORTS.incrementAndGet() + "/issuer/api";
        String body = Announcements.signedBody(
                Announcements.json(3, key, issuerUrl, System.currentTimeMillis()), Announcements.authorityKey(3));

        HttpResponse<String> r = Announcements.post(das(), body);

        assertEquals(204, r.statusCode(), r.body());
        assertEquals(
                issuerUrl, Announcements.verified(das()).get(3).get("issuerUrl").asText());
        assertProblem(Announcements.post(das(), body), 409, "not newer");
        assertEquals(
                issuerUrl, Announcements.verified(das()).get(3).get("issuerUrl").asText());
    }

    @Test
    void authorities_forgedUnknownOrMalformedAnnouncement_refusedAndNotServed() throws Exception {
        long now = System.currentTimeMillis();
        String key3 = SignedNode.AUTHORITIES.keys().get(2);
        String forgedUrl = "http://forged.example:1/issuer/api";

        assertProblem(
                Announcements.post(
                        das(),
                        Announcements.signedBody(
                                Announcements.json(3, key3, forgedUrl, now), Announcements.outsiderKey())),
                400,
                "signature does not verify");
        assertProblem(
                Announcements.post(
                        das(),
                        Announcements.signedBody(
                                Announcements.json(
                                        3, SignedNode.AUTHORITIES.keys().get(1), forgedUrl, now),
                                Announcements.authorityKey(2))),
                400,
                "not the pinned key of authority 3");
        assertProblem(
                Announcements.post(
                        das(),
                        Announcements.signedBody(
                                Announcements.json(9, key3, forgedUrl, now), Announcements.authorityKey(3))),
                404,
                "no authority 9");
        assertProblem(Announcements.post(das(), "{\"announcement\":7"), 400, "malformed JSON");
        assertProblem(
                Announcements.post(
                        das(),
                        Announcements.signedBody(
                                Announcements.json(3, key3, "ftp://x/issuer/api", now + 1),
                                Announcements.authorityKey(3))),
                400,
                "issuerUrl");
        for (var announcement : Announcements.verified(das()).values()) {
            assertFalse(announcement.get("issuerUrl").asText().startsWith("ftp:"), announcement.toString());
            assertFalse(announcement.get("issuerUrl").asText().equals(forgedUrl), announcement.toString());
        }
    }

    @Test
    void epochReadiness_das_signsAsAuthority1() throws Exception {
        HttpResponse<String> r = Http.get(das(), "/health/ready");

        assertTrue(r.body().contains("epoch-authority"), r.body());
        assertTrue(r.body().contains("signing as authority 1"), r.body());
    }

    @Test
    void metrics_fromRegisteredMixnode_acceptedStreamedAndInWindow() throws Exception {
        SignedNode node = new SignedNode();
        postPresence(node, host());
        DirectoryProbe.Subscriber ws = DirectoryProbe.Subscriber.open(das());
        try {
            ws.socket
                    .sendText("{\"identityKey\":\"forged\",\"received\":1}", true)
                    .get();
            String metrics = "{\"identityKey\":\"" + node.key() + "\",\"received\":42,\"sent\":40,"
                    + "\"dropped\":{\"replay\":2},\"intervalMillis\":60000}";

            HttpResponse<String> r = node.post(das(), "/api/metrics/mixes", metrics);

            assertEquals(200, r.statusCode(), r.body());
            String pushed = ws.await(node.key(), Duration.ofSeconds(10));
            assertTrue(pushed.contains("\"received\":42"), pushed);
            assertFalse(
                    ws.messages.stream().anyMatch(m -> m.contains("forged")), "client messages are not re-broadcast");
        } finally {
            ws.close();
        }
        // The window that holds the report completes within one window length (default 60 s).
        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        String window;
        do {
            Thread.sleep(500);
            window = Http.get(das(), "/api/metrics/mixes").body();
        } while (!window.contains(node.key()) && System.nanoTime() < deadline);
        assertTrue(
                window.contains(node.key()) && window.contains("\"sent\":40") && window.contains("\"replay\":2"),
                window);
    }

    @Test
    void metrics_unknownNodeOrReplayed_refused() throws Exception {
        SignedNode stranger = new SignedNode();
        String metrics = "{\"identityKey\":\"" + stranger.key() + "\",\"received\":1,\"sent\":0}";
        assertProblem(stranger.post(das(), "/api/metrics/mixes", metrics), 404, "no accepted mix node presence");

        SignedNode node = new SignedNode();
        postPresence(node, host());
        byte[] body = utf8("{\"identityKey\":\"" + node.key() + "\",\"received\":1,\"sent\":0}");
        long ts = System.currentTimeMillis();
        String sig = node.sign("/api/metrics/mixes", ts, body);
        assertEquals(
                200,
                SignedNode.send(das(), "/api/metrics/mixes", body, Long.toString(ts), sig, "application/json")
                        .statusCode());
        assertProblem(
                SignedNode.send(das(), "/api/metrics/mixes", body, Long.toString(ts), sig, "application/json"),
                409,
                "replayed");
    }

    @Test
    void admin_withoutOrWithWrongCredential_401() throws Exception {
        SignedNode node = new SignedNode();
        HttpResponse<String> none = admin("PUT", node.key(), null);
        assertProblem(none, 401, "operator credential required");
        assertTrue(
                none.headers().firstValue("WWW-Authenticate").orElse("").contains("nym-operators"),
                none.headers().toString());
        HttpResponse<String> wrong = admin("PUT", node.key(), "operator:wrong");
        assertEquals(401, wrong.statusCode(), wrong.body());
    }

    @Test
    void admin_realmUserOutsideOperatorGroup_403() throws Exception {
        assertProblem(admin("PUT", SignedNode.randomKey(), VIEWER), 403, "not an operator");
    }

    @Test
    void admin_banThenUnban_nodeLeavesTopologyIsRefusedThenReturns() throws Exception {
        SignedNode node = new SignedNode();
        String host = host();
        postPresence(node, host);
        awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));

        assertEquals(204, admin("PUT", node.key(), OPERATOR).statusCode());
        awaitTopology(das(), b -> !b.contains(node.key()), Duration.ofSeconds(10));
        assertProblem(node.post(das(), "/api/presence/mixnodes", node.mixnodeJson(host)), 403, "banned");

        assertEquals(204, admin("DELETE", node.key(), OPERATOR).statusCode());
        postPresence(node, host);
        awaitTopology(das(), b -> b.contains(node.key()), Duration.ofSeconds(10));
        assertProblem(admin("PUT", SignedNode.randomKey(), OPERATOR), 404, "no node");
    }

    /**
     * Approvals are recorded for any registered node; that only approved nodes are candidates under admission
     * {@code approved} is the epoch documents' business (the DAS runs with the default, open).
     */
    @Test
    void admin_approveThenWithdraw_204ForOperatorsOnlyAnd404ForAnUnknownKey() throws Exception {
        SignedNode node = new SignedNode();
        postPresence(node, host());
        String approval = "/api/admin/approvals/" + node.key();

        assertProblem(operator("PUT", approval, null), 401, "operator credential required");
        assertProblem(operator("PUT", approval, VIEWER), 403, "not an operator");
        assertEquals(204, operator("PUT", approval, OPERATOR).statusCode());
        assertEquals(204, operator("DELETE", approval, OPERATOR).statusCode());
        assertProblem(operator("PUT", "/api/admin/approvals/" + SignedNode.randomKey(), OPERATOR), 404, "no node");
        assertProblem(operator("PUT", "/api/admin/approvals/not-a-key", OPERATOR), 400, "identityKey");
    }

    @Test
    void badInput_eachCase_4xxProblemNamingTheFault() throws Exception {
        SignedNode node = new SignedNode();
        String path = "/api/presence/mixnodes";
        String good = node.mixnodeJson(host());

        assertProblem(node.post(das(), path, "{\"host\":"), 400, "malformed JSON");
        assertProblem(node.post(das(), path, "[1,2,3]"), 400, "JSON object");
        String head = "{\"host\":\"" + host() + "\",\"identityKey\":\"" + node.key() + "\"";
        assertProblem(node.post(das(), path, head + ",\"sphinxKeys\":\"one\"}"), 400, "wrong field type");
        assertProblem(
                node.post(das(), path, good.replace("\"version\"", "\"layer\":1,\"version\"")),
                400,
                "layer is no longer accepted");
        assertProblem(
                node.post(das(), path, head + ",\"sphinxKey\":\"" + SignedNode.randomKey() + "\"}"),
                400,
                "sphinxKey is no longer accepted");
        assertProblem(node.post(das(), path, head + "}"), 400, "sphinxKeys is missing");
        long epoch = SignedNode.currentEpoch();
        assertProblem(
                node.post(
                        das(),
                        path,
                        head + ",\"sphinxKeys\":["
                                + SignedNode.announcedKeyJson(
                                        epoch + 9, node.sphinxKey(epoch + 9), node.proofsJson(epoch + 9))
                                + "]}"),
                400,
                "sphinxKeys[0].epoch " + (epoch + 9) + " is outside");
        assertProblem(
                node.post(
                        das(),
                        path,
                        head + ",\"sphinxKeys\":[" + SignedNode.announcedKeyJson(epoch, "short", node.proofsJson(epoch))
                                + "]}"),
                400,
                "sphinxKeys[0].key");
        assertProblem(
                node.post(
                        das(),
                        path,
                        head + ",\"sphinxKeys\":["
                                + SignedNode.announcedKeyJson(
                                        epoch,
                                        node.sphinxKey(epoch),
                                        "{\"" + SignedNode.randomKey() + "\":\"AAAAAAAAAAAAAAAAAAAAAA\"}")
                                + "]}"),
                400,
                "not a pinned authority");
        assertProblem(
                node.post(das(), path, good.replaceFirst("\"host\":\"[^\"]+\"", "\"host\":\"no-port\"")),
                400,
                "host must be host:port");
        assertProblem(node.post(das(), path, "{\"host\":\"127.0.0.1:1\"}"), 400, "identityKey is missing");
        assertProblem(node.post(das(), path, "{" + "\"location\":\"" + "x".repeat(70_000) + "\"}"), 413, "limit");
        assertProblem(
                node.post(
                        das(),
                        "/api/presence/validators",
                        "{\"host\":\"h:1\",\"identityKey\":\"" + node.key() + "\",\"type\":\"oracle\"}"),
                400,
                "unknown type");

        byte[] body = utf8(good);
        long ts = System.currentTimeMillis();
        assertProblem(
                SignedNode.send(das(), path, body, null, node.sign(path, ts, body), "application/json"),
                400,
                "Nym-Timestamp header is missing");
        assertProblem(
                SignedNode.send(das(), path, body, Long.toString(ts), null, "application/json"),
                400,
                "Nym-Signature header is missing");
        assertProblem(
                SignedNode.send(das(), path, body, "yesterday", node.sign(path, ts, body), "application/json"),
                400,
                "decimal");
        assertProblem(
                SignedNode.send(das(), path, body, Long.toString(ts), "not-base64!", "application/json"),
                400,
                "Nym-Signature");
        assertProblem(
                SignedNode.send(das(), path, body, Long.toString(ts), node.sign(path, ts, body), "text/plain"),
                415,
                "application/json");
        assertProblem(
                SignedNode.send(
                        das(),
                        path,
                        new byte[0],
                        Long.toString(ts),
                        node.sign(path, ts, new byte[0]),
                        "application/json"),
                400,
                "empty");
        assertNotInTopology(node);
        assertProblem(Http.get(das(), "/api/presence/nothing-here"), 404, "no such resource");
    }

    @Test
    void openapi_deployed_documentsEveryDirectoryEndpointAndItsErrors() throws Exception {
        String doc = Http.get(das(), "/openapi").body();
        for (String path : new String[] {
            "/api/presence/mixnodes:",
            "/api/presence/gateways:",
            "/api/presence/validators:",
            "/api/presence/topology:",
            "/api/presence/leave:",
            "/api/epochs/current:",
            "/api/epochs/next:",
            "/api/epochs/authorities:",
            "/api/epochs/{epoch}:",
            "/api/metrics/mixes:",
            "/api/admin/bans/{identityKey}:",
            "/api/admin/approvals/{identityKey}:",
            "/api/authorities:",
            "/api/authorities/announce:"
        }) {
            assertTrue(doc.contains(path), path + " in " + doc);
        }
        assertTrue(doc.contains("application/problem+json"), doc);
        assertTrue(doc.contains("MixnodePresence"), doc);
        assertTrue(doc.contains("SignedEpochDocument"), doc);
        assertTrue(doc.contains("SignedAuthorityAnnouncement"), doc);
        assertTrue(doc.contains("'413':") || doc.contains("\"413\":"), doc);
        // The shared error answers are referenced by the endpoints and defined once under components.
        assertTrue(doc.contains("#/components/responses/TooLarge"), doc);
        assertTrue(doc.contains("TooLarge:"), doc);
    }

    @Test
    void dashboardAndSwaggerUi_served() throws Exception {
        HttpResponse<String> page = Http.get(das(), "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Nym directory</title>"), page.body());
        assertTrue(page.body().contains("id=\"authorities\""), "the validators section lists the authorities");
        assertEquals(200, Http.get(das(), "/dashboard.js").statusCode());
        HttpResponse<String> swagger = Http.get(das(), "/swagger-ui.html");
        assertEquals(200, swagger.statusCode());
        String bundle = swagger.body().replaceAll("(?s).*src=\"(webjars/swagger-ui/[^\"]+)\".*", "$1");
        assertEquals(200, Http.get(das(), "/" + bundle).statusCode(), bundle);
    }

    private static HttpResponse<String> admin(String method, String key, String credential) throws Exception {
        return operator(method, "/api/admin/bans/" + key, credential);
    }

    private static HttpResponse<String> operator(String method, String path, String credential) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(das().resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (credential != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8(credential)));
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> r, int status, String detailPart) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse("").split(";")[0],
                r.body());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        assertTrue(r.body().contains(detailPart), "detail should mention '" + detailPart + "': " + r.body());
    }

    private static void assertNotInTopology(SignedNode node) throws Exception {
        Thread.sleep(1200); // one topology refresh
        String body = Http.get(das(), "/api/presence/topology").body();
        assertNotNull(body);
        assertFalse(body.contains(node.key()), body);
    }
}
