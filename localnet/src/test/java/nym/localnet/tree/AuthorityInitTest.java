package nym.localnet.tree;

import static nym.localnet.tree.TreeFixture.secp256k1;
import static nym.localnet.tree.TreeFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nym.coconut.dkg.DkgKeyPair;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorityInitTest {

    @TempDir
    Path dir;

    private AuthorityInit.Result init(Path folder, int index) throws Exception {
        return new AuthorityInit(new SecureRandom()).init(folder, index);
    }

    @Test
    void init_emptyFolder_sixOwnerOnlySecretsAndTheirPublicRecord() throws Exception {
        Path a = dir.resolve("authority-2");

        AuthorityInit.Result result = init(a, 2);

        assertEquals(AuthorityInit.SECRET_FILES, result.generated());
        for (String secret : AuthorityInit.SECRET_FILES) {
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(a.resolve(secret)),
                    secret);
        }
        AuthorityRecord published = AuthorityRecord.read(a.resolve("authority.toml"));
        assertEquals(2, published.index());
        assertArrayEquals(secp256k1(a.resolve("issuer-account.key")).address(), published.issuerAddress());
        assertArrayEquals(secp256k1(a.resolve("watcher.key")).address(), published.watcherAddress());
        assertArrayEquals(secp256k1(a.resolve("verifier.key")).address(), published.verifierAddress());
        assertArrayEquals(secp256k1(a.resolve("monitor.key")).address(), published.monitorAddress());
        assertEquals(
                Ed25519Identity.fromSecret(Keys.decode(text(a.resolve("directory.key")), 32, "key"))
                        .publicKeyText(),
                published.directoryKey());
        assertEquals(
                DkgKeyPair.fromSecretText(text(a.resolve("dkg.key")))
                        .publicKey()
                        .toHex(),
                published.dkgKey().toHex());
        assertTrue(
                Files.getPosixFilePermissions(a.resolve("authority.toml")).contains(PosixFilePermission.OTHERS_READ));
    }

    @Test
    void init_again_keepsEveryKey() throws Exception {
        Path a = dir.resolve("authority-1");
        init(a, 1);
        Map<String, String> before = secrets(a);
        String published = Files.readString(a.resolve("authority.toml"));

        AuthorityInit.Result again = init(a, 1);

        assertEquals(before, secrets(a));
        assertEquals(published, Files.readString(a.resolve("authority.toml")));
        assertEquals(List.of(), again.generated());
        assertEquals(AuthorityInit.SECRET_FILES, again.kept());
        assertFalse(again.monitorKeyAddedToOlderFolder());
    }

    @Test
    void init_folderFromBeforeIssue21_getsAMonitorKey_saidSo_otherKeysKept() throws Exception {
        Path a = dir.resolve("authority-1");
        init(a, 1);
        Map<String, String> before = secrets(a);
        Files.delete(a.resolve("monitor.key"));
        // what an older version published: everything but the monitor's address
        String older = Files.readString(a.resolve("authority.toml")).replaceAll("(?m)^monitor_address = .*\n", "");
        Files.writeString(a.resolve("authority.toml"), older);

        TreeFixture.Run run = TreeFixture.run(new AuthorityInitCommand(), "--dir", a.toString(), "--index", "1");

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains(AuthorityInit.MONITOR_KEY_ADDED), run.output());
        Map<String, String> after = secrets(a);
        assertNotEquals(before.remove("monitor.key"), after.remove("monitor.key"));
        assertEquals(before, after);
        assertArrayEquals(
                secp256k1(a.resolve("monitor.key")).address(),
                AuthorityRecord.read(a.resolve("authority.toml")).monitorAddress());
    }

    @Test
    void read_publicFileWithoutMonitorAddress_refusedNamingIt() throws Exception {
        Path a = dir.resolve("authority-1");
        init(a, 1);
        Path file = a.resolve("authority.toml");
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^monitor_address = .*\n", ""));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuthorityRecord.read(file));

        assertTrue(e.getMessage().contains("monitor_address is missing"), e.getMessage());
    }

    @Test
    void init_missingKey_onlyThatOneGenerated() throws Exception {
        Path a = dir.resolve("authority-1");
        init(a, 1);
        String watcher = text(a.resolve("watcher.key"));
        Files.delete(a.resolve("dkg.key"));

        AuthorityInit.Result again = init(a, 1);

        assertEquals(List.of("dkg.key"), again.generated());
        assertEquals(watcher, text(a.resolve("watcher.key")));
    }

    @Test
    void init_trustedDealerFiles_removed() throws Exception {
        Path a = Files.createDirectories(dir.resolve("authority-1"));
        Files.writeString(a.resolve("issuer.key"), "share\n");
        Files.writeString(a.resolve("issuer.vk"), "public share\n");

        AuthorityInit.Result result = init(a, 1);

        assertEquals(List.of("issuer.key", "issuer.vk"), result.removed());
        assertFalse(Files.exists(a.resolve("issuer.key")));
        assertFalse(Files.exists(a.resolve("issuer.vk")));
    }

    @Test
    void init_malformedKey_refusedNamingTheFileNotItsText() throws Exception {
        Path a = Files.createDirectories(dir.resolve("authority-1"));
        String notAKey = "0123456789abcdef-not-a-key-but-maybe-someones-secret";
        Files.writeString(a.resolve("verifier.key"), notAKey);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> init(a, 1));

        assertTrue(e.getMessage().contains(a.resolve("verifier.key").toString()), e.getMessage());
        assertFalse(e.getMessage().contains(notAKey), e.getMessage());
        assertEquals(null, e.getCause());
        assertEquals(notAKey, Files.readString(a.resolve("verifier.key")), "never replaced");
    }

    @Test
    void command_writesTheFolder_printsNamesNeverSecrets() throws Exception {
        Path a = dir.resolve("authority-3");

        TreeFixture.Run run = TreeFixture.run(new AuthorityInitCommand(), "--dir", a.toString(), "--index", "3");

        assertEquals(0, run.exit(), run.output());
        assertEquals(3, AuthorityRecord.read(a.resolve("authority.toml")).index());
        assertTrue(run.output().contains("generated dkg.key"), run.output());
        for (String secret : secrets(a).values()) {
            assertFalse(run.output().contains(secret));
        }
    }

    @Test
    void command_indexOutOfRange_refused() {
        Path a = dir.resolve("authority-0");
        assertEquals(
                2,
                TreeFixture.run(new AuthorityInitCommand(), "--dir", a.toString(), "--index", "0")
                        .exit());
        assertFalse(Files.exists(a));
    }

    private static Map<String, String> secrets(Path folder) throws Exception {
        Map<String, String> texts = new HashMap<>();
        for (String secret : AuthorityInit.SECRET_FILES) {
            texts.put(secret, text(folder.resolve(secret)));
        }
        return texts;
    }
}
