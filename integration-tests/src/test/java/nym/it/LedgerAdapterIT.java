package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger adapter in the real EAR on the DAS against a real CometBFT validator driving ledger-app: outbound through the
 * connection factory, a node that never answers, and inbound to a test MDB while the validator is stopped and
 * restarted and the application (with the adapter) is redeployed: every event exactly once, in chain order.
 *
 * <p>The EAR gets two test modules: {@code ledger-it.jar} (the MDB, bound to {@code nym#ledger-jca} with
 * activation properties written here with the validator's runtime port) and {@code ledger-it.war} (connection
 * factories defined in its web.xml, endpoints of {@link LedgerItServlet}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerAdapterIT {

    private static final String DEPLOYMENT = "ledger-it";
    private static final String QUERY = "transfer.amount EXISTS";
    private static final TxBuilder TX = new TxBuilder(LedgerChain.DEV_CHAIN_ID);
    private static final KeyPair FROM = GenesisDoc.devAccount(1);
    private static final KeyPair TO = GenesisDoc.devAccount(2);

    /** One cursor per run: a chain of an earlier run is another chain. */
    private static final String SUBSCRIBER = "ledger-it-" + UUID.randomUUID();

    private static LedgerChain ledger;
    private static ServerSocket hungNode;

    @ArquillianResource
    private Deployer deployer;

    @BeforeAll
    static void startLedger() throws Exception {
        ledger();
        // A "node" that accepts connections and never answers: the backlog holds them, nobody reads.
        hungNodePort();
    }

    /** One validator of a development genesis, started on first use (Arquillian builds the deployment first). */
    private static LedgerChain ledger() throws IOException {
        if (ledger == null) {
            try {
                ledger = LedgerChain.development(1);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("the ledger did not start", e);
            }
        }
        return ledger;
    }

    @AfterAll
    static void stopAll() throws Exception {
        // Cleared, not just closed: a rerun of a failed test starts the class again and must get a new chain.
        if (ledger != null) {
            ledger.close();
            ledger = null;
        }
        if (hungNode != null) {
            hungNode.close();
            hungNode = null;
        }
    }

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() throws IOException {
        int hungPort = hungNodePort();
        String nodes = ledger().rpc().toString();
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, TestEnvironment.ear().toFile());
        JavaArchive mdb = ShrinkWrap.create(JavaArchive.class, "ledger-it.jar")
                .addClasses(LedgerRecorderMdb.class)
                .addAsManifestResource(new StringAsset(ejbJarXml(nodes)), "ejb-jar.xml")
                .addAsManifestResource(new StringAsset(GLASSFISH_EJB_JAR), "glassfish-ejb-jar.xml");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ledger-it.war")
                .addClasses(LedgerItServlet.class)
                .setWebXML(new StringAsset(webXml(nodes, hungPort)));
        ear.addAsModule(mdb);
        ear.addAsModule(war);
        String applicationXml;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String modules = "<module><ejb>ledger-it.jar</ejb></module>"
                + "<module><web><web-uri>ledger-it.war</web-uri><context-root>/ledger-it-test</context-root></web></module>";
        ear.setApplicationXML(
                new StringAsset(applicationXml.replace("<library-directory>", modules + "<library-directory>")));
        return ear;
    }

    /** The port of the hung node; the deployment is built before @BeforeAll runs, so it may open the socket. */
    private static int hungNodePort() throws IOException {
        if (hungNode == null) {
            hungNode = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        return hungNode.getLocalPort();
    }

    private static String property(String name, String value) {
        return "<activation-config-property><activation-config-property-name>" + name
                + "</activation-config-property-name><activation-config-property-value>" + value
                + "</activation-config-property-value></activation-config-property>";
    }

    private static String ejbJarXml(String nodes) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ejb-jar xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/ejb-jar_4_0.xsd\" version=\"4.0\">"
                + "<enterprise-beans><message-driven><ejb-name>LedgerRecorderMdb</ejb-name>"
                + "<ejb-class>" + LedgerRecorderMdb.class.getName() + "</ejb-class>"
                + "<messaging-type>nym.ledger.jca.LedgerListener</messaging-type>"
                + "<transaction-type>Container</transaction-type>"
                + "<activation-config>"
                + property("query", QUERY) + property("nodeUrls", nodes) + property("subscriberId", SUBSCRIBER)
                + property("retryMillis", "500") + property("timeoutMillis", "3000")
                + "</activation-config>"
                + "<env-entry><env-entry-name>subscriber</env-entry-name><env-entry-type>java.lang.String</env-entry-type>"
                + "<env-entry-value>" + SUBSCRIBER + "</env-entry-value></env-entry>"
                + "</message-driven></enterprise-beans></ejb-jar>";
    }

    private static final String GLASSFISH_EJB_JAR = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE glassfish-ejb-jar PUBLIC \"-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN\""
            + " \"http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd\">"
            + "<glassfish-ejb-jar><enterprise-beans><ejb><ejb-name>LedgerRecorderMdb</ejb-name>"
            + "<mdb-resource-adapter><resource-adapter-mid>nym#ledger-jca</resource-adapter-mid></mdb-resource-adapter>"
            + "</ejb></enterprise-beans></glassfish-ejb-jar>";

    private static String connectionFactory(String name, String nodes, int timeoutMillis) {
        return "<connection-factory><name>" + name + "</name>"
                + "<interface-name>nym.ledger.jca.LedgerConnectionFactory</interface-name>"
                + "<resource-adapter>#ledger-jca</resource-adapter>"
                + "<transaction-support>NoTransaction</transaction-support>"
                + "<property><name>nodeUrls</name><value>" + nodes + "</value></property>"
                + "<property><name>timeoutMillis</name><value>" + timeoutMillis + "</value></property>"
                + "</connection-factory>";
    }

    private static String webXml(String nodes, int hungPort) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\" version=\"6.0\">"
                + connectionFactory(LedgerItServlet.LEDGER, nodes, 10_000)
                + connectionFactory(LedgerItServlet.HUNG_LEDGER, "http://127.0.0.1:" + hungPort, 1500)
                + "</web-app>";
    }

    private static java.net.URI app() {
        return TestEnvironment.das().resolve("/ledger-it-test/");
    }

    private void deploy() {
        deployer.deploy(DEPLOYMENT);
    }

    private void undeploy() {
        deployer.undeploy(DEPLOYMENT);
    }

    private static long nonce;

    private static void transfers(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            ledger.commit(TX.transfer(FROM, nonce++, TO.address(), 1));
        }
    }

    private static List<String> deliveries() throws Exception {
        String body =
                Http.get(app(), "ledger-it/deliveries?subscriber=" + SUBSCRIBER).body();
        return body.isBlank() ? List.of() : Arrays.asList(body.strip().split("\n"));
    }

    private static List<String> deliveredIds() throws Exception {
        return deliveries().stream().map(l -> l.split(" ")[0]).toList();
    }

    private static List<String> awaitDeliveries(int count, Duration wait) throws Exception {
        long end = System.nanoTime() + wait.toNanos();
        List<String> ids = deliveredIds();
        while (ids.size() < count && System.nanoTime() < end) {
            Thread.sleep(500);
            ids = deliveredIds();
        }
        return ids;
    }

    @Test
    @Order(1)
    void connectionFactory_broadcastCommit_txOnChainAndEventInMdb() throws Exception {
        nonce = ledger.nonce(FROM.address());
        transfers(3); // committed before the application exists: the MDB gets them from the backfill
        deploy();

        byte[] tx = TX.transfer(FROM, nonce++, TO.address(), 7);
        String answer = Http.post(
                        app(), "ledger-it/broadcast-commit", HexFormat.of().formatHex(tx))
                .body();

        assertTrue(!answer.startsWith("ERROR") && answer.split(" ").length == 3, answer);
        String hash = answer.split(" ")[0];
        long height = Long.parseLong(answer.split(" ")[1]);
        String eventId = answer.split(" ")[2].split(":")[0];
        assertNotNull(ledger.tx(hash), "the transaction is on the chain");
        assertEquals(height, ledger.tx(hash).get("height").asLong());
        List<String> ids = awaitDeliveries(4, Duration.ofSeconds(60));
        assertEquals(ledger.eventIdsOfTxsWith("transfer"), ids);
        assertTrue(ids.contains(eventId), eventId + " not delivered: " + ids);
        assertTrue(
                deliveries().stream().anyMatch(l -> l.equals(eventId + " transfer " + hash)),
                deliveries().toString());
    }

    @Test
    @Order(2)
    void connectionFactory_nodeNeverAnswers_timeoutWithinConfiguredTime() throws Exception {
        String answer = Http.get(app(), "ledger-it/hung-node").body();

        String[] parts = answer.split(" ", 3);
        assertEquals("TIMEOUT", parts[0], answer);
        long ms = Long.parseLong(parts[1]);
        assertTrue(ms >= 1400 && ms < 4000, "configured 1500 ms, took " + ms + " ms: " + answer);
    }

    @Test
    @Order(3)
    void mdb_validatorRestartedAndAdapterRedeployed_everyEventOnceInOrder() throws Exception {
        try {
            streamWithRestartAndRedeploy();
        } finally {
            undeploy(); // the last test: leaves the DAS as it found it
        }
    }

    private void streamWithRestartAndRedeploy() throws Exception {
        transfers(5);
        ledger.stop(); // mid-stream: the adapter loses its websocket and its node
        Thread.sleep(3000);
        ledger.start();
        transfers(5);

        undeploy(); // the adapter goes away with the application
        transfers(4);
        deploy();
        transfers(4);

        List<String> expected = ledger.eventIdsOfTxsWith("transfer");
        assertEquals(4 + 5 + 5 + 4 + 4, expected.size(), "transfer events on the chain");
        List<String> ids = awaitDeliveries(expected.size(), Duration.ofSeconds(90));
        Thread.sleep(2000); // anything delivered twice would arrive now
        ids = deliveredIds();

        assertEquals(expected, ids, "every event exactly once, in chain order");
    }
}
