package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the deployed EAR on the DAS: the real EAR plus one test WAR carrying this class, so the test sees
 * the application's resources and beans as its own modules do.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    private static final String TEST_WAR = "test.war";
    private static final String EXPECTED_SCHEMA_VERSION = "expected-schema-version";

    @Deployment
    static EnterpriseArchive ear() throws IOException {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(
                EnterpriseArchive.class, TestEnvironment.ear().toFile());
        // Marked as the archive to test: the servlet protocol merges itself into this WAR, not the EAR's own.
        ear.addAsModule(Testable.archiveToTest(ShrinkWrap.create(WebArchive.class, TEST_WAR)
                .addClasses(InContainerIT.class)
                .addAsResource(new StringAsset(latestMigration(ear)), EXPECTED_SCHEMA_VERSION)));
        String applicationXml;
        try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
            applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String testModule =
                "<module><web><web-uri>" + TEST_WAR + "</web-uri><context-root>/test</context-root></web></module>";
        ear.setApplicationXML(
                new StringAsset(applicationXml.replace("<library-directory>", testModule + "<library-directory>")));
        return ear;
    }

    /** The highest V<n>__*.sql in the EAR's sql.jar: the version the started application must have migrated to. */
    private static String latestMigration(EnterpriseArchive ear) throws IOException {
        JavaArchive sql = ShrinkWrap.create(ZipImporter.class, "sql.jar")
                .importFrom(ear.get("sql.jar").getAsset().openStream())
                .as(JavaArchive.class);
        return sql.getContent().keySet().stream()
                .map(path -> path.get().replaceFirst("^/db/migration/V(\\d+)__.*\\.sql$", "$1"))
                .filter(v -> v.matches("\\d+"))
                .max(java.util.Comparator.comparingInt(Integer::parseInt))
                .orElseThrow(() -> new IllegalStateException("no migrations in sql.jar"));
    }

    private static DataSource dataSource() throws Exception {
        return InitialContext.doLookup("jdbc/nym");
    }

    @Test
    void schemaMigration_applicationStarted_schemaAtLatestVersion() throws Exception {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
            assertTrue(rs.next(), "Flyway recorded no migration");
            String expected;
            try (InputStream in = InContainerIT.class.getClassLoader().getResourceAsStream(EXPECTED_SCHEMA_VERSION)) {
                expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(expected, rs.getString(1));
        }
    }

    @Test
    void clusterMembership_applicationStarted_dasRecordedAsMemberWithoutAuthority() throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement("SELECT authority, last_seen FROM cluster_member WHERE instance_name = ?")) {
            q.setString(1, "server");
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "the DAS did not record its heartbeat");
                assertEquals(0, rs.getInt("authority"));
                assertNotNull(rs.getTimestamp("last_seen"));
            }
        }
    }

    @Test
    void ledgerConnectionFactory_deployed_definedForTheWholeApplication() throws Exception {
        Object factory = InitialContext.doLookup("java:app/ledger/ConnectionFactory");

        assertTrue(factory instanceof nym.ledger.jca.LedgerConnectionFactory, String.valueOf(factory));
    }

    @Test
    void schemaMigrationBean_deployed_reachableUnderPortableJndiName() throws Exception {
        assertNotNull(InitialContext.doLookup("java:global/nym/sql/SchemaMigration"));
    }
}
