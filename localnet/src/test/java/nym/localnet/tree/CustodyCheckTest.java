package nym.localnet.tree;

import static nym.localnet.tree.TreeFixture.build;
import static nym.localnet.tree.TreeFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker the custody tests (this module's and integration-tests' CustodyIT) rely on finds what it must. */
class CustodyCheckTest {

    @TempDir
    Path dir;

    private Path tree;
    private Path home;
    private CustodyCheck check;

    @BeforeEach
    void homeOfAuthority1() throws IOException {
        tree = dir.resolve("tree");
        build(tree, "--seed", "check");
        home = dir.resolve("home-1");
        InstanceHome.write(tree, 1, home);
        check = CustodyCheck.of(tree);
    }

    @Test
    void home_theWholeTree_everyOtherAuthorityClientAndLedgerFound() throws IOException {
        String findings = String.join("\n", check.home(tree, 1));

        assertTrue(findings.contains("authorities/authority-2/dkg.key is authority 2's"), findings);
        assertTrue(findings.contains("authorities/authority-3/directory.key is authority 3's"), findings);
        assertTrue(findings.contains("clients/client-1/account.key is a client's"), findings);
        assertTrue(findings.contains("ethereum/pipe.key is a client's, the ledger's or the pipe account's"), findings);
        assertTrue(findings.contains("ledger/"), findings);
    }

    @Test
    void home_anotherAuthoritysKeyInAnotherFileAndEncoding_found() throws IOException {
        byte[] watcher2 = HexFormat.of().parseHex(text(tree.resolve("authorities/authority-2/watcher.key")));
        Files.writeString(
                home.resolve("notes.txt"),
                "kept for later: " + HexFormat.of().withUpperCase().formatHex(watcher2));

        assertEquals(
                List.of("instance 1's home: notes.txt contains authority 2's authorities/authority-2/watcher.key"),
                check.home(home, 1));
    }

    @Test
    void home_aGatewaysLedgerKey_found() throws IOException {
        Files.copy(tree.resolve("gateways/gateway-2/gateway.key"), home.resolve("ledger-account.txt"));

        assertEquals(
                List.of("instance 1's home: ledger-account.txt contains gateways/gateway-2/gateway.key"),
                check.home(home, 1));
    }

    @Test
    void home_aNodeOperatorsKey_found() throws IOException {
        Files.copy(tree.resolve("operators/operator-3/operator.key"), home.resolve("bond.txt"));

        assertEquals(
                List.of("instance 1's home: bond.txt contains operators/operator-3/operator.key"), check.home(home, 1));
    }

    @Test
    void home_anotherAuthoritysMonitorKey_found() throws IOException {
        Files.copy(tree.resolve("authorities/authority-3/monitor.key"), home.resolve("monitor.txt"));

        assertEquals(
                List.of("instance 1's home: monitor.txt contains authority 3's authorities/authority-3/monitor.key"),
                check.home(home, 1));
    }

    @Test
    void of_homesInsideTheTreesRootFolder_notTakenForTheTreesSecrets() throws IOException {
        Path inside = tree.resolve("payara6/instance-homes/nym/nym-2");
        InstanceHome.write(tree, 2, inside);

        assertEquals(List.of(), CustodyCheck.of(tree).home(home, 1));
        assertEquals(List.of(), CustodyCheck.of(tree).home(inside, 2));
    }

    @Test
    void home_ownSecretReadableByOthers_found() throws IOException {
        Files.setPosixFilePermissions(
                home.resolve("authorities/authority-1/dkg.key"), PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(
                List.of("instance 1's home: authorities/authority-1/dkg.key is a secret file readable by others than"
                        + " its owner"),
                check.home(home, 1));
    }

    @Test
    void home_linkIntoTheTree_found() throws IOException {
        Files.createSymbolicLink(home.resolve("tree"), tree);

        assertEquals(
                List.of("instance 1's home: tree is a symbolic link (it could lead into the whole tree)"),
                check.home(home, 1));
    }

    @Test
    void text_propertyWithAnotherAuthoritysKey_foundItsOwnNot() throws IOException {
        String own = text(tree.resolve("authorities/authority-1/directory.key"));
        String other = text(tree.resolve("authorities/authority-3/directory.key"));

        assertEquals(List.of(), check.text("nym.x", "nym.x=" + own, 1));
        assertEquals(
                List.of("nym.x contains authority 3's authorities/authority-3/directory.key"),
                check.text("nym.x", "nym.x=" + other, 1));
    }

    @Test
    void anyParty_anyAuthoritysOrClientsKey_found_publicText_nothing() throws IOException {
        String authority1 = text(tree.resolve("authorities/authority-1/dkg.key"));
        String client = text(tree.resolve("clients/client-1/account.key"));

        assertEquals(
                List.of("row contains authority 1's authorities/authority-1/dkg.key"),
                check.anyParty("row", "x|" + authority1.toUpperCase(java.util.Locale.ROOT) + "|y"));
        assertEquals(List.of("row contains clients/client-1/account.key"), check.anyParty("row", client));
        assertEquals(List.of(), check.anyParty("row", text(tree.resolve("network.toml"))));
    }

    @Test
    void archive_nestedKeyFileOrSecret_found_cleanArchive_nothing() throws IOException {
        Path clean = zip(dir.resolve("clean.ear"), "lib/a.jar", jar("nym/A.class", "bytecode"));
        Path withKey = zip(dir.resolve("key.ear"), "lib/a.jar", jar("keys/watcher.key", "anything"));
        String verifier = text(tree.resolve("authorities/authority-2/verifier.key"));
        Path withSecret =
                zip(dir.resolve("secret.ear"), "web.war", jar("WEB-INF/classes/app.properties", "k=" + verifier));

        assertEquals(List.of(), check.archive(clean));
        assertEquals(List.of("key.ear!lib/a.jar!keys/watcher.key is a key file"), check.archive(withKey));
        assertEquals(
                List.of("secret.ear!web.war!WEB-INF/classes/app.properties contains authority 2's"
                        + " authorities/authority-2/verifier.key"),
                check.archive(withSecret));
    }

    @Test
    void folder_unpackedApplicationWithASecret_found() throws IOException {
        Path app = Files.createDirectories(dir.resolve("applications/nym/web_war/WEB-INF"));
        String dkg = text(tree.resolve("authorities/authority-3/dkg.key"));
        Files.writeString(app.resolve("web.xml"), "<param>" + dkg + "</param>");
        Files.write(dir.resolve("applications/nym/lib.jar"), jar("nym/B.class", "bytecode"));

        assertEquals(
                List.of("web_war/WEB-INF/web.xml contains authority 3's authorities/authority-3/dkg.key"),
                check.folder(dir.resolve("applications/nym")));
    }

    private static byte[] jar(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, entry, content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static Path zip(Path file, String entry, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            add(zip, entry, content);
        }
        return file;
    }

    private static void add(ZipOutputStream zip, String entry, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(content);
        zip.closeEntry();
    }
}
