package nym.mixnode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nym.directory.api.AuthoritySet;
import nym.directory.api.testing.TestAuthorities;
import nym.mixnode.bandwidth.LedgerKeyFile;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.config.TomlConfig;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.replay.ReplayFilterSettings;
import nym.mixnode.testing.InProcessDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixnodeCommandTest {

    @TempDir
    Path tmp;

    private final AuthoritySet authorities = TestAuthorities.threeOfWhichTwo().set();

    /** The network tree's authorities file. */
    private String authoritiesFile() throws Exception {
        Path file = tmp.resolve("authorities.properties");
        Files.writeString(file, authorities.toText());
        return file.toString();
    }

    @Test
    void init_withSeedAndAuthorities_writesReproducibleHomeThatLoadsWithThePinnedAuthorities() throws Exception {
        Path a = tmp.resolve("build/mixnodes/mix-1-1");
        Path b = tmp.resolve("other");
        String[] common = {
            "--port", "0", "--directory", "http://127.0.0.1:1", "--seed", "s1", "--authorities", authoritiesFile()
        };
        assertEquals(0, MixnodeCommand.execute(concat(new String[] {"init", "--home", a.toString()}, common)));
        assertEquals(0, MixnodeCommand.execute(concat(new String[] {"init", "--home", b.toString()}, common)));
        MixNodeConfig ca = TomlConfig.load(a);
        MixNodeConfig cb = TomlConfig.load(b);
        assertEquals(ca.keys().identityKeyText(), cb.keys().identityKeyText());
        assertEquals(a.resolve("keys"), ca.keysDir());
        assertEquals(ReplayFilterSettings.DEFAULTS, ca.replayFilter());
        assertEquals(NodeKeys.fromSeed("s1").identityKeyText(), ca.keys().identityKeyText());
        assertNotEquals(NodeKeys.fromSeed("s2").identityKeyText(), ca.keys().identityKeyText());
        assertEquals(NodeMode.MIX, ca.mode());
        assertEquals(authorities.keys(), ca.authorities().keys());
        assertEquals(2, ca.authorities().threshold());
        assertEquals(0, ca.mixnetPort());
        assertEquals(Duration.ofSeconds(3), ca.presenceInterval());
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(a.resolve("keys").resolve(NodeKeys.IDENTITY_FILE)));
    }

    @Test
    void init_dropProbability_writtenToTheConfigAndABadOneRefusedWritingNothing() throws Exception {
        Path home = tmp.resolve("faulty");
        String[] common = {"--port", "0", "--directory", "http://127.0.0.1:1", "--authorities", authoritiesFile()};
        assertEquals(
                2,
                MixnodeCommand.execute(
                        concat(new String[] {"init", "--home", home.toString(), "--drop-probability", "1"}, common)));
        assertFalse(Files.exists(home.resolve(TomlConfig.FILE)));
        assertEquals(
                0,
                MixnodeCommand.execute(
                        concat(new String[] {"init", "--home", home.toString(), "--drop-probability", "0.5"}, common)));
        assertEquals(0.5, TomlConfig.load(home).dropProbability());
    }

    /** Runs the command line and answers its exit code and what it wrote to stderr. */
    private static String[] run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = MixnodeCommand.execute(args);
            return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(saved);
        }
    }

    private Path mixHome() throws Exception {
        Path home = tmp.resolve("staked");
        assertEquals(
                0,
                MixnodeCommand.execute(
                        "init",
                        "--home",
                        home.toString(),
                        "--directory",
                        "http://127.0.0.1:1",
                        "--authorities",
                        authoritiesFile()));
        return home;
    }

    /** {@code mixnode bond} of {@code home} against a ledger URL nobody answers. */
    private static String[] bondAtUnreachableLedger(Path home, Path ownerKey, String amount) {
        return run(
                "bond",
                "--home",
                home.toString(),
                "--ledger",
                "http://127.0.0.1:1",
                "--owner-key",
                ownerKey.toString(),
                "--amount",
                amount);
    }

    @Test
    void bond_unreachableLedger_exit1NamingTheLedger() throws Exception {
        Path key = tmp.resolve("operator.key");
        Files.writeString(key, "11".repeat(32) + "\n");
        String[] result = bondAtUnreachableLedger(mixHome(), key, "500");
        assertEquals("1", result[0], result[1]);
        assertTrue(result[1].contains("127.0.0.1:1"), result[1]);
    }

    @Test
    void bondAndUnbond_wrongOrMissingOwnerKeyFile_exit2NamingTheFileNotItsContent() throws Exception {
        Path home = mixHome();
        Path identity = home.resolve("keys").resolve(NodeKeys.IDENTITY_FILE);
        String[] wrong = bondAtUnreachableLedger(home, identity, "500");
        assertEquals("2", wrong[0], wrong[1]);
        assertTrue(wrong[1].contains(identity + " is not a secp256k1 private key"), wrong[1]);
        assertFalse(wrong[1].contains(Files.readString(identity).strip()), "the key file's content is not shown");

        Path missing = tmp.resolve("nowhere.key");
        String[] absent = run(
                "unbond",
                "--home",
                home.toString(),
                "--ledger",
                "http://127.0.0.1:1",
                "--owner-key",
                missing.toString());
        assertEquals("2", absent[0], absent[1]);
        assertTrue(absent[1].contains(missing + " does not exist"), absent[1]);
    }

    @Test
    void bond_amountZero_exit2() throws Exception {
        Path key = tmp.resolve("operator.key");
        Files.writeString(key, "11".repeat(32));
        String[] result = bondAtUnreachableLedger(mixHome(), key, "0");
        assertEquals("2", result[0], result[1]);
        assertTrue(result[1].contains("--amount"), result[1]);
    }

    @Test
    void init_withoutAuthorities_pinsWhatTheDirectoryServes() throws Exception {
        try (InProcessDirectory directory = InProcessDirectory.start()) {
            Path home = tmp.resolve("tofu");
            assertEquals(
                    0,
                    MixnodeCommand.execute(
                            "init",
                            "--home",
                            home.toString(),
                            "--directory",
                            directory.uri().toString()));
            assertEquals(
                    directory.authoritySet().keys(),
                    TomlConfig.load(home).authorities().keys());
        }
    }

    @Test
    void init_removedLayerAndDirectoryKeyOptions_refusedAsUsageErrors() throws Exception {
        String home = tmp.resolve("old").toString();
        assertEquals(
                2, MixnodeCommand.execute("init", "--home", home, "--authorities", authoritiesFile(), "--layer", "2"));
        assertEquals(
                2,
                MixnodeCommand.execute(
                        "init", "--home", home, "--authorities", authoritiesFile(), "--directory-key", "x"));
    }

    @Test
    void load_configWithLayerOrDirectoryKey_refusedSayingWhatReplacedThem() throws Exception {
        Path home = tmp.resolve("m");
        String original = initialisedConfig(home);
        assertLoadRefused(home, original.replace("[node]\n", "[node]\nlayer = 2\n"), "the authorities assign");
        assertLoadRefused(home, original.replace("[directory]\n", "[directory]\nkey = \"abc\"\n"), "--authorities");
    }

    @Test
    void init_existingHome_refusedWithoutForce() throws Exception {
        String home = tmp.resolve("gw").toString();
        String pinned = authoritiesFile();
        assertEquals(0, MixnodeCommand.execute("init", "--home", home, "--mode", "gateway", "--authorities", pinned));
        assertEquals(2, MixnodeCommand.execute("init", "--home", home, "--mode", "gateway", "--authorities", pinned));
        assertEquals(
                0,
                MixnodeCommand.execute(
                        "init", "--home", home, "--mode", "gateway", "--authorities", pinned, "--force"));
        assertEquals(
                2,
                MixnodeCommand.execute(
                        "init", "--home", tmp.resolve("x").toString(), "--mode", "relay", "--authorities", pinned));
    }

    @Test
    void init_gatewayWithLedger_meteredWithItsKeyCopiedOwnerOnly() throws Exception {
        Path tree = tmp.resolve("gateway.key");
        Files.writeString(tree, "11".repeat(32) + "\n");
        Path home = tmp.resolve("metered");
        assertEquals(
                0,
                MixnodeCommand.execute(
                        "init",
                        "--home",
                        home.toString(),
                        "--mode",
                        "gateway",
                        "--authorities",
                        authoritiesFile(),
                        "--ledger",
                        "http://127.0.0.1:26657,http://127.0.0.1:26757",
                        "--ledger-key",
                        tree.toString()));
        MixNodeConfig config = TomlConfig.load(home);
        assertTrue(config.bandwidth().metered());
        assertEquals(
                List.of(URI.create("http://127.0.0.1:26657"), URI.create("http://127.0.0.1:26757")),
                config.bandwidth().ledgerNodes());
        Path key = home.resolve("keys").resolve(LedgerKeyFile.NAME);
        assertEquals(key, config.bandwidth().ledgerKey());
        assertEquals(Files.readString(tree), Files.readString(key));
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));
        assertEquals(Duration.ofSeconds(5), config.bandwidth().reportInterval());
    }

    @Test
    void init_ledgerOptions_bothOrNeitherAndGatewaysOnly() throws Exception {
        Path key = tmp.resolve("gateway.key");
        Files.writeString(key, "11".repeat(32));
        String pinned = authoritiesFile();
        String home = tmp.resolve("g").toString();
        assertEquals(
                2,
                MixnodeCommand.execute(
                        "init", "--home", home, "--mode", "gateway", "--authorities", pinned, "--ledger", "http://l"));
        assertEquals(
                2,
                MixnodeCommand.execute(
                        "init",
                        "--home",
                        home,
                        "--mode",
                        "gateway",
                        "--authorities",
                        pinned,
                        "--ledger-key",
                        key.toString()));
        assertEquals(
                2,
                MixnodeCommand.execute(
                        "init",
                        "--home",
                        home,
                        "--authorities",
                        pinned,
                        "--ledger",
                        "http://l",
                        "--ledger-key",
                        key.toString()));
        Files.writeString(key, "not a key");
        assertEquals(
                2,
                MixnodeCommand.execute(
                        "init",
                        "--home",
                        home,
                        "--mode",
                        "gateway",
                        "--authorities",
                        pinned,
                        "--ledger",
                        "http://l",
                        "--ledger-key",
                        key.toString()));
        assertFalse(Files.exists(Path.of(home).resolve(TomlConfig.FILE)), "nothing written");
        assertEquals(0, MixnodeCommand.execute("init", "--home", home, "--mode", "gateway", "--authorities", pinned));
        assertFalse(TomlConfig.load(Path.of(home)).bandwidth().metered(), "unmetered without them");
    }

    @Test
    void load_unknownKeyOrWrongType_refusedNamingTheKey() throws Exception {
        Path home = tmp.resolve("m");
        String original = initialisedConfig(home);
        assertLoadRefused(home, original.replace("crypto_queue =", "crypto_queu ="), "limits.crypto_queu");
        assertLoadRefused(home, original.replace("mixnet_port = 1789", "mixnet_port = \"one\""), "network.mixnet_port");
        assertLoadRefused(
                home, original.replace("authority_threshold = 2", "authority_threshold = 4"), "authority_threshold");
    }

    /** Inits a mix node at {@code home} pinning the test authorities; returns the text of the config file it wrote. */
    private String initialisedConfig(Path home) throws Exception {
        assertEquals(0, MixnodeCommand.execute("init", "--home", home.toString(), "--authorities", authoritiesFile()));
        return Files.readString(home.resolve(TomlConfig.FILE));
    }

    /** With {@code config} as its config file, {@code home} does not load: the message names {@code part}. */
    private static void assertLoadRefused(Path home, String config, String part) throws Exception {
        Files.writeString(home.resolve(TomlConfig.FILE), config);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TomlConfig.load(home));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
