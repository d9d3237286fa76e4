package nym.client.credential;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import nym.client.ClientException;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.SignatureVerification;
import nym.credential.CompletedKeyEpoch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Any t of n issuers, over HTTP stand-ins that answer like issuer-war: good, late, lying, idle, down. */
class PartialCollectorTest {

    private static final String REQUEST = "AB".repeat(32);

    /** The latest completed key epoch, whose keys {@link #keys} are; key epoch 1 had {@link #previousKeys}. */
    private static final long KEY_EPOCH = 2;

    private static Parameters params;
    private static ThresholdKeys keys;
    private static ThresholdKeys previousKeys;
    private static NetworkKeys network;
    private static Attributes token;
    private static ElGamalKeyPair elGamal;
    private static BlindSignRequest lambda;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void issue() throws CoconutException {
        RandomSource rng = RandomSource.deterministic(11);
        params = Setup.setup(3);
        keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        previousKeys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        TreeMap<Integer, VerificationKeyShare> shares = new TreeMap<>();
        for (int i = 1; i <= 3; i++) {
            shares.put(i, keys.issuer(i).verificationKeyShare());
        }
        network = new NetworkKeys(params, new CompletedKeyEpoch(KEY_EPOCH, 2, keys.verificationKey(), shares));
        token = Token.newToken(10, rng);
        elGamal = ElGamalKeyPair.generate(params, rng);
        lambda = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, rng);
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private static BlindedSignature signedBy(int authority) throws CoconutException {
        return signedBy(keys, authority);
    }

    private static BlindedSignature signedBy(ThresholdKeys keySet, int authority) throws CoconutException {
        return Issuance.blindSign(
                params, keySet.issuer(authority).secretKey(), elGamal.publicKey(), lambda, Token.publicAttributes(10));
    }

    private static String partial(int claimedAuthority, BlindedSignature b) {
        return partial(KEY_EPOCH, claimedAuthority, b);
    }

    private static String partial(long keyEpoch, int claimedAuthority, BlindedSignature b) {
        return "{\"requestId\":\"" + REQUEST + "\",\"authority\":" + claimedAuthority + ",\"key_epoch\":" + keyEpoch
                + ",\"value\":10,\"blindedSignature\":\"" + b.toText() + "\",\"eventId\":\"1/0/0\"}";
    }

    /** An issuer answering {@code answers} in turn (the last one forever): "status body". */
    private IssuerClient issuer(String... answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/issuer/api/partial-credentials/" + REQUEST, exchange -> {
            String answer = answers[Math.min(calls.getAndIncrement(), answers.length - 1)];
            int space = answer.indexOf(' ');
            byte[] body = answer.substring(space + 1).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, space)), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return new IssuerClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2));
    }

    private static IssuerClient down() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return new IssuerClient(URI.create("http://127.0.0.1:" + s.getLocalPort()), Duration.ofSeconds(2));
        }
    }

    private Signature collect(List<IssuerClient> issuers, Duration within) {
        return new PartialCollector(issuers, network, Duration.ofMillis(20), Clock.systemUTC())
                .collect(REQUEST, token, elGamal, Clock.systemUTC().instant().plus(within), notes::add);
    }

    @Test
    void collect_lyingIssuerAndLateIssuer_lyingSkippedLateAskedAgain() throws Exception {
        IssuerClient lying = issuer("200 " + partial(1, signedBy(2))); // authority 2's share, claimed as 1's
        IssuerClient late = issuer("404 {\"detail\":\"not issued yet\"}", "200 " + partial(2, signedBy(2)));
        IssuerClient good = issuer("200 " + partial(3, signedBy(3)));

        Signature sigma = collect(List.of(lying, late, good), Duration.ofSeconds(10));

        assertDoesNotThrow(() -> SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma));
        assertTrue(notes.stream().anyMatch(n -> n.startsWith(lying.base() + ": skipped")), notes.toString());
        assertTrue(notes.stream()
                .anyMatch(n ->
                        n.contains("authority 2") && n.startsWith(late.base().toString())));
    }

    @Test
    void collect_partialsOfTwoKeyEpochs_onlyTheLatestCompletedGroupAggregated() throws Exception {
        IssuerClient previousOne = issuer("200 " + partial(1, 1, signedBy(previousKeys, 1)));
        IssuerClient previousTwo = issuer("200 " + partial(1, 2, signedBy(previousKeys, 2)));
        IssuerClient latestTwo = issuer("200 " + partial(2, signedBy(2)));
        IssuerClient latestThree = issuer("200 " + partial(3, signedBy(3)));

        Signature sigma = collect(List.of(previousOne, previousTwo, latestTwo, latestThree), Duration.ofSeconds(10));

        assertDoesNotThrow(() -> SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma));
        assertTrue(
                notes.stream()
                        .anyMatch(n -> n.contains("authority 1 signed under key epoch 1, not under the latest"
                                + " completed key epoch 2")),
                notes.toString());
    }

    @Test
    void collect_thresholdOnlyInAnOlderKeyEpoch_refusedNamingTheGroups() throws Exception {
        IssuerClient previousOne = issuer("200 " + partial(1, 1, signedBy(previousKeys, 1)));
        IssuerClient previousTwo = issuer("200 " + partial(1, 2, signedBy(previousKeys, 2)));
        IssuerClient latestThree = issuer("200 " + partial(3, signedBy(3)));

        ClientException e = assertThrows(
                ClientException.class,
                () -> collect(List.of(previousOne, previousTwo, latestThree), Duration.ofSeconds(10)));

        assertTrue(e.getMessage().contains("only 1 of the 2 partial credentials of key epoch 2"), e.getMessage());
        assertTrue(e.getMessage().contains("other key epochs: {1=[1, 2]}"), e.getMessage());
    }

    @Test
    void collect_partialWithoutKeyEpoch_skipped() throws Exception {
        String old = partial(3, signedBy(3)).replace(",\"key_epoch\":" + KEY_EPOCH, "");

        ClientException e = assertThrows(
                ClientException.class,
                () -> collect(
                        List.of(issuer("200 " + old), issuer("200 " + partial(2, signedBy(2)))),
                        Duration.ofMillis(300)));

        assertTrue(e.getMessage().contains("without its key_epoch"), e.getMessage());
    }

    @Test
    void collect_oneIssuerDown_anyOtherTwoSuffice() throws Exception {
        Signature sigma = collect(
                List.of(down(), issuer("200 " + partial(2, signedBy(2))), issuer("200 " + partial(3, signedBy(3)))),
                Duration.ofSeconds(10));
        assertDoesNotThrow(() -> SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma));
    }

    @Test
    void collect_fewerThanThresholdGood_refusedNamingTheSkipped() throws Exception {
        IssuerClient lying = issuer("200 " + partial(1, signedBy(2)));
        IssuerClient idle = issuer("503 {\"detail\":\"no issuer role\"}");
        IssuerClient refusing = issuer("422 {\"detail\":\"π_s does not verify\"}");
        IssuerClient good = issuer("200 " + partial(3, signedBy(3)));

        ClientException e = assertThrows(
                ClientException.class, () -> collect(List.of(lying, idle, refusing, good), Duration.ofSeconds(10)));

        assertEquals(ClientException.Kind.ISSUER, e.kind());
        assertTrue(e.getMessage().contains("only 1 of the 2"), e.getMessage());
        assertTrue(e.getMessage().contains("π_s does not verify"), e.getMessage());
    }

    @Test
    void collect_sameAuthorityTwice_countedOnce() throws Exception {
        String answer = "200 " + partial(3, signedBy(3));
        ClientException e = assertThrows(
                ClientException.class, () -> collect(List.of(issuer(answer), issuer(answer)), Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("answered already"), e.getMessage());
    }

    @Test
    void collect_garbageAnswer_skipped() throws Exception {
        ClientException e = assertThrows(
                ClientException.class,
                () -> collect(
                        List.of(
                                issuer("200 {\"authority\":1,\"key_epoch\":2,\"blindedSignature\":\"nope\"}"),
                                issuer("200 " + partial(3, signedBy(3)))),
                        Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("does not parse"), e.getMessage());
    }
}
