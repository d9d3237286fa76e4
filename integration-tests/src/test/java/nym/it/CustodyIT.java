package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nym.localnet.tree.CustodyCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's must-show on the real domain: what Payara actually hands instance i (its {@code nym.network.home} and
 * the files under it, its system properties and JVM options, as asadmin reports them) holds no secret of another
 * authority, of a client or of the pipe account, and points nowhere into the network tree; the DAS, which plays
 * authority 1 for the directory, likewise; the EAR, as built and as deployed, carries no key. The secrets are those
 * of the test tree ({@code NYM_NETWORK_HOME}), looked for in every encoding (localnet's {@link CustodyCheck}).
 */
@Tag("group")
class CustodyIT {

    private static CustodyCheck check;
    private static Path tree;

    @BeforeAll
    static void deployToGroup() throws Exception {
        String home = System.getenv("NYM_NETWORK_HOME");
        assertNotNull(home, "NYM_NETWORK_HOME: run through integration-tests/bin/run");
        tree = Path.of(home).toRealPath();
        check = CustodyCheck.of(tree);
        // what is checked is what the run's deploy gave the instances (it writes their homes)
        AuthorityGroup.shared();
    }

    @Test
    void instances_eachHomeHoldsOnlyItsOwnAuthoritysSecrets() throws Exception {
        for (int i : AuthorityGroup.authorities()) {
            String instance = AuthorityGroup.instanceName(i);
            Map<String, String> properties = systemProperties(instance);
            assertEquals(String.valueOf(i), properties.get("nym.authority.index"), instance);
            assertEquals(List.of(), homeFindings(instance, properties, i));
        }
    }

    @Test
    void das_playingAuthority1_holdsOnlyAuthority1sSecrets() throws Exception {
        Map<String, String> properties = systemProperties("server");
        assertEquals("1", properties.get("nym.directory.authority-index"));
        assertEquals(List.of(), homeFindings("server", properties, 1));
    }

    @Test
    void instances_propertiesAndJvmOptions_noOtherAuthoritysSecret() throws Exception {
        List<String> findings = new ArrayList<>();
        for (int i : AuthorityGroup.authorities()) {
            String instance = AuthorityGroup.instanceName(i);
            findings.addAll(check.text(
                    instance + "'s system properties",
                    systemProperties(instance).toString(),
                    i));
            findings.addAll(check.text(
                    instance + "'s JVM options",
                    PayaraScript.run("asadmin", "list-jvm-options", "--target", instance),
                    i));
        }
        assertEquals(List.of(), findings);
    }

    @Test
    void ear_builtAndDeployed_carriesNoKey() throws Exception {
        assertEquals(List.of(), check.archive(TestEnvironment.ear()));
        Path payara = Path.of(System.getProperty("payara.home"), "glassfish");
        String domain = System.getProperty("payara.domain");
        List<Path> deployed = new ArrayList<>();
        deployed.add(payara.resolve("domains")
                .resolve(domain)
                .resolve("applications")
                .resolve("nym"));
        for (int i : AuthorityGroup.authorities()) {
            deployed.add(payara.resolve("nodes/localhost-" + domain)
                    .resolve(AuthorityGroup.instanceName(i))
                    .resolve("applications/nym"));
        }
        List<String> findings = new ArrayList<>();
        for (Path application : deployed) {
            if (Files.isDirectory(application)) {
                findings.addAll(check.folder(application));
            }
        }
        assertTrue(Files.isDirectory(deployed.get(0)), "the DAS keeps the deployed application in " + deployed.get(0));
        assertEquals(List.of(), findings);
    }

    /**
     * The database every instance shares holds no party's secret: every value of every table of the schema the EAR
     * migrated (after the credential flow and the directory tests ran against it), as text and as raw bytes.
     */
    @Test
    void database_sharedByTheInstances_holdsNoSecret() throws Exception {
        List<String> findings = new ArrayList<>();
        int tables = 0;
        try (Connection c = AuthorityGroup.database()) {
            List<String> names = new ArrayList<>();
            try (ResultSet t = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    names.add(t.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                tables++;
                findings.addAll(check.anyParty("table " + table, tableText(c, table)));
            }
        }
        assertTrue(tables > 10, "the EAR's schema is in the database (" + tables + " tables)");
        assertEquals(List.of(), findings);
    }

    /** Every value of {@code table}: text columns as they are, binary ones as ISO-8859-1 characters. */
    private static String tableText(Connection c, String table) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int k = 1; k <= columns; k++) {
                    Object value = rows.getObject(k);
                    text.append(
                                    value instanceof byte[] bytes
                                            ? new String(bytes, StandardCharsets.ISO_8859_1)
                                            : String.valueOf(value))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    /** What is wrong with the home {@code nym.network.home} names for a server playing authority {@code index}. */
    private static List<String> homeFindings(String server, Map<String, String> properties, int index)
            throws Exception {
        String value = properties.get("nym.network.home");
        assertNotNull(value, server + " has no nym.network.home");
        Path home = Path.of(value);
        assertTrue(Files.isDirectory(home), server + "'s home " + home + " is not a folder");
        Path real = home.toRealPath();
        assertFalse(real.startsWith(tree) || tree.startsWith(real), server + "'s home " + real + " is the tree's");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            assertFalse(
                    property.getValue().contains(tree.toString()),
                    server + "'s " + property.getKey() + " points into the network tree");
        }
        assertTrue(
                Files.isRegularFile(home.resolve("authorities/authority-" + index + "/dkg.key")),
                server + " lacks its own authority's keys");
        return check.home(home, index);
    }

    /** {@code asadmin list-system-properties <target>}: name → value. */
    private static Map<String, String> systemProperties(String target) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line :
                PayaraScript.run("asadmin", "list-system-properties", target).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("Command ")) {
                properties.put(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return properties;
    }
}
