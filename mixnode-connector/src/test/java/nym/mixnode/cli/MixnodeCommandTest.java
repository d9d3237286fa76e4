package nym.mixnode.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import nym.mixnode.config.MixNodeConfig;
import nym.mixnode.config.NodeMode;
import nym.mixnode.config.TomlConfig;
import nym.mixnode.keys.NodeKeys;
import nym.mixnode.replay.ReplayFilterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixnodeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void init_withSeed_writesReproducibleHomeThatLoads() throws Exception {
        Path a = tmp.resolve("build/mixnodes/mix-1-1");
        Path b = tmp.resolve("other");
        String[] common = {"--layer", "2", "--port", "0", "--directory", "http://127.0.0.1:1", "--seed", "s1"};
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
        assertEquals(2, ca.layer());
        assertEquals(0, ca.mixnetPort());
        assertEquals(Duration.ofSeconds(3), ca.presenceInterval());
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(a.resolve("keys").resolve(NodeKeys.IDENTITY_FILE)));
    }

    @Test
    void init_existingHome_refusedWithoutForce() {
        Path home = tmp.resolve("gw");
        assertEquals(0, MixnodeCommand.execute("init", "--home", home.toString(), "--mode", "gateway"));
        assertEquals(2, MixnodeCommand.execute("init", "--home", home.toString(), "--mode", "gateway"));
        assertEquals(0, MixnodeCommand.execute("init", "--home", home.toString(), "--mode", "gateway", "--force"));
        assertEquals(
                2, MixnodeCommand.execute("init", "--home", tmp.resolve("x").toString(), "--mode", "relay"));
    }

    @Test
    void load_unknownKeyOrWrongType_refusedNamingTheKey() throws Exception {
        Path home = tmp.resolve("m");
        assertEquals(0, MixnodeCommand.execute("init", "--home", home.toString()));
        Path file = home.resolve(TomlConfig.FILE);
        String original = Files.readString(file);
        Files.writeString(file, original.replace("crypto_queue =", "crypto_queu ="));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TomlConfig.load(home));
        assertTrue(unknown.getMessage().contains("limits.crypto_queu"), unknown.getMessage());
        Files.writeString(file, original.replace("layer = 1", "layer = \"one\""));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> TomlConfig.load(home));
        assertTrue(wrongType.getMessage().contains("node.layer"), wrongType.getMessage());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
