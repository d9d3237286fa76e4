package nym.monitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nym.monitor.MonitorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigFileTest {

    @TempDir
    Path home;

    private MonitorConfig config() {
        return MonitorConfig.defaults(
                URI.create("http://127.0.0.1:28080"),
                Path.of("/net/directory/authorities.properties"),
                List.of(URI.create("http://127.0.0.1:26657"), URI.create("http://127.0.0.1:26667")),
                home.resolve("keys/monitor.key"),
                List.of(home.resolve("gateway-1"), home.resolve("gateway-2")));
    }

    @Test
    void writeThenRead_sameConfigWithPathsInsideTheHomeRelative() throws Exception {
        Path file = home.resolve(MonitorConfigFile.NAME);
        MonitorConfigFile.write(config(), file);

        String text = Files.readString(file);
        assertTrue(text.contains("key = \"keys/monitor.key\""), text);
        assertTrue(text.contains("homes = [\"gateway-1\", \"gateway-2\"]"), text);
        assertEquals(config(), MonitorConfigFile.read(file));
        assertEquals(5, MonitorConfigFile.read(file).minSamples());
    }

    @Test
    void unknownKeyMissingValueOrBadUrl_refusedNamingTheKey() {
        String good = MonitorConfigFile.render(config(), home);

        MonitorException unknown =
                assertThrows(MonitorException.class, () -> MonitorConfigFile.parse(good + "\n[extra]\nx = 1\n", home));
        assertTrue(unknown.getMessage().contains("extra.x"), unknown.getMessage());
        MonitorException noKey =
                assertThrows(MonitorException.class, () -> MonitorConfigFile.parse(good.replace("key = ", "# "), home));
        assertTrue(noKey.getMessage().contains("ledger.key"), noKey.getMessage());
        MonitorException badUrl = assertThrows(
                MonitorException.class,
                () -> MonitorConfigFile.parse(good.replace("http://127.0.0.1:28080", "ftp://x"), home));
        assertTrue(badUrl.getMessage().contains("directory.url"), badUrl.getMessage());
        MonitorException noHomes = assertThrows(
                MonitorException.class,
                () -> MonitorConfigFile.parse(good.replace("[\"gateway-1\", \"gateway-2\"]", "[]"), home));
        assertTrue(noHomes.getMessage().contains("clients.homes"), noHomes.getMessage());
        assertThrows(
                MonitorException.class,
                () -> MonitorConfigFile.parse(good.replace("min_samples = 5", "min_samples = 0"), home));
    }
}
