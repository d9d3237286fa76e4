package nym.localnet.tree;

import static nym.localnet.tree.TreeFixture.build;
import static nym.localnet.tree.TreeFixture.files;
import static nym.localnet.tree.TreeFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The must-show of issue 19 at unit level: what instance i is handed holds no secret of any other authority. */
class InstanceHomeTest {

    private static final int AUTHORITIES = 3;

    @TempDir
    Path dir;

    private Path tree;

    @BeforeEach
    void tree() {
        tree = dir.resolve("tree");
        build(tree, "--seed", "custody", "--authorities", String.valueOf(AUTHORITIES));
    }

    private Path home(int i) {
        return dir.resolve("homes/nym-" + i);
    }

    @Test
    void write_everyInstance_holdsNoSecretOfAnotherAuthority() throws Exception {
        for (int i = 1; i <= AUTHORITIES; i++) {
            InstanceHome.write(tree, i, home(i));
        }
        for (int i = 1; i <= AUTHORITIES; i++) {
            List<Path> handed = files(home(i));
            for (int j = 1; j <= AUTHORITIES; j++) {
                if (j == i) {
                    continue;
                }
                for (String secret : AuthorityInit.SECRET_FILES) {
                    Path other = Path.of("authorities/authority-" + j, secret);
                    String otherText = text(tree.resolve(other));
                    assertFalse(handed.contains(other), "instance " + i + " has " + other);
                    for (Path file : handed) {
                        assertFalse(
                                Files.readString(home(i).resolve(file), StandardCharsets.ISO_8859_1)
                                        .contains(otherText),
                                "instance " + i + "'s " + file + " holds " + other);
                    }
                }
            }
            for (Path file : handed) {
                assertFalse(file.startsWith("clients") || file.startsWith("ledger"), i + ": " + file);
                assertFalse(file.endsWith("pipe.key"), i + ": " + file);
                if (file.toString().endsWith(".key")) {
                    assertEquals(
                            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                            Files.getPosixFilePermissions(home(i).resolve(file)),
                            i + ": " + file);
                }
            }
            assertEquals(List.of(), CustodyCheck.of(tree).home(home(i), i));
        }
    }

    @Test
    void write_noInstanceIsHandedAGatewaysLedgerKey() throws Exception {
        // gateways redeem credentials with their own ledger accounts; they are not authorities
        assertNoInstanceHolds("gateways", "gateways/gateway-1/gateway.key", "gateways/gateway-2/gateway.key");
    }

    @Test
    void write_noInstanceIsHandedANodeOperatorsKey() throws Exception {
        // operators bond their own nodes with their own accounts; they are not authorities
        assertNoInstanceHolds("operators", "operators/operator-1/operator.key", "operators/operator-8/operator.key");
    }

    private void assertNoInstanceHolds(String folder, String... keyFiles) throws Exception {
        List<String> keys = new ArrayList<>();
        for (String keyFile : keyFiles) {
            keys.add(text(tree.resolve(keyFile)));
        }
        for (int i = 1; i <= AUTHORITIES; i++) {
            InstanceHome.write(tree, i, home(i));
            for (Path file : files(home(i))) {
                assertFalse(file.startsWith(folder), i + ": " + file);
                String content = Files.readString(home(i).resolve(file), StandardCharsets.ISO_8859_1);
                for (String key : keys) {
                    assertFalse(content.contains(key), "instance " + i + "'s " + file + " holds a key of " + folder);
                }
            }
        }
    }

    @Test
    void write_ownKeysPublicFilesAndProviders_copiedAsInTheTree() throws Exception {
        List<Path> written = InstanceHome.write(tree, 2, home(2));

        assertEquals(written, files(home(2)));
        for (String secret : AuthorityInit.SECRET_FILES) {
            Path own = Path.of("authorities/authority-2", secret);
            assertEquals(text(tree.resolve(own)), text(home(2).resolve(own)), secret);
        }
        for (String file : List.of(
                "network.toml",
                "coconut/parameters",
                "directory/authorities.properties",
                "ethereum/pipe.address",
                "authorities/authority-1/authority.toml",
                "authorities/authority-3/authority.toml",
                "providers/provider-2/provider.key",
                "providers/provider-2/provider.address")) {
            assertEquals(text(tree.resolve(file)), text(home(2).resolve(file)), file);
        }
        assertEquals(
                Set.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(home(2)));
    }

    @Test
    void write_again_takesTheTokenAddressAndDropsWhatTheTreeNoLongerHolds() throws Exception {
        InstanceHome.write(tree, 1, home(1));
        assertFalse(Files.exists(home(1).resolve("ethereum/token.address")), "written later by ethereum deploy");
        Files.writeString(tree.resolve("ethereum/token.address"), "0x00000000000000000000000000000000000000aa\n");
        Files.writeString(home(1).resolve("authorities/authority-1/issuer.key"), "an old dealer share\n");
        Files.createDirectories(home(1).resolve("clients/client-1"));
        Files.writeString(home(1).resolve("clients/client-1/account.key"), "left by hand\n");

        InstanceHome.write(tree, 1, home(1));

        assertEquals("0x00000000000000000000000000000000000000aa", text(home(1).resolve("ethereum/token.address")));
        assertFalse(Files.exists(home(1).resolve("authorities/authority-1/issuer.key")));
        assertFalse(Files.exists(home(1).resolve("clients")));
    }

    @Test
    void write_treeFromBeforeIssue19_refused() throws Exception {
        Files.delete(tree.resolve("authorities/authority-1/dkg.key"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InstanceHome.write(tree, 1, home(1)));

        assertTrue(e.getMessage().contains("before issue 19"), e.getMessage());
    }

    @Test
    void write_treeFromBeforeIssue21_refused() throws Exception {
        Files.delete(tree.resolve("authorities/authority-2/monitor.key"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> InstanceHome.write(tree, 2, home(2)));

        assertTrue(e.getMessage().contains("before issue 21"), e.getMessage());
    }

    @Test
    void write_ownMonitorKey_handedOwnerOnly() throws Exception {
        InstanceHome.write(tree, 2, home(2));

        Path monitor = home(2).resolve("authorities/authority-2/monitor.key");
        assertEquals(text(tree.resolve("authorities/authority-2/monitor.key")), text(monitor));
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(monitor));
    }

    @Test
    void write_unknownAuthority_refused() {
        assertThrows(IllegalStateException.class, () -> InstanceHome.write(tree, AUTHORITIES + 1, home(4)));
    }

    @Test
    void command_outHoldingTheTreeOrInItsFolders_refused() {
        for (Path out : List.of(tree, dir, tree.resolve("authorities/authority-2/home"), tree.resolve("clients/x"))) {
            TreeFixture.Run run = TreeFixture.run(
                    new InstanceHomeCommand(), "--tree", tree.toString(), "--index", "1", "--out", out.toString());
            assertEquals(2, run.exit(), out.toString());
        }
        assertTrue(Files.exists(tree.resolve("authorities/authority-2/dkg.key")));
        assertFalse(Files.exists(tree.resolve("authorities/authority-2/home")));
    }

    @Test
    void command_outBesideTheTreesFoldersInItsRoot_writesTheHome() {
        // localnet: the tree is build/, Payara and the homes live in build/payara6/
        Path out = tree.resolve("payara6/instance-homes/nym/nym-1");
        TreeFixture.Run run = TreeFixture.run(
                new InstanceHomeCommand(), "--tree", tree.toString(), "--index", "1", "--out", out.toString());

        assertEquals(0, run.exit(), run.output());
        assertTrue(Files.exists(out.resolve("authorities/authority-1/dkg.key")));
    }

    @Test
    void command_writesTheHome() throws Exception {
        TreeFixture.Run run = TreeFixture.run(
                new InstanceHomeCommand(), "--tree", tree.toString(), "--index", "3", "--out", home(3).toString());

        assertEquals(0, run.exit(), run.output());
        assertTrue(Files.exists(home(3).resolve("authorities/authority-3/dkg.key")));
    }
}
