package nym.watcher.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nym.watcher.domain.WatcherException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherConfigurationTest {

    @TempDir
    Path home;

    private WatcherConfiguration config(int authority, Optional<String> networkHome) {
        WatcherConfiguration c = new WatcherConfiguration();
        c.authority = authority;
        c.networkHome = networkHome;
        return c;
    }

    @Test
    void idleReason_noAuthorityOrNoTree_idle() {
        assertTrue(config(0, Optional.of(home.toString())).idleReason().isPresent());
        assertTrue(config(1, Optional.empty()).idleReason().isPresent());
    }

    @Test
    void verify_treeWithoutTheWatchersKeyOrMissing_configurationFailure() {
        WatcherConfiguration noKey = config(2, Optional.of(home.toString()));
        WatcherConfiguration noTree =
                config(2, Optional.of(home.resolve("absent").toString()));

        assertTrue(noTree.idleReason().isEmpty(), "a configured authority with a missing tree is broken, not idle");
        assertEquals(
                WatcherException.Kind.CONFIGURATION,
                assertThrows(WatcherException.class, noKey::verify).kind());
        assertEquals(
                WatcherException.Kind.CONFIGURATION,
                assertThrows(WatcherException.class, noTree::verify).kind());
    }

    @Test
    void verify_keyAndPipeReadable_passes() throws Exception {
        Files.createDirectories(home.resolve("authorities/authority-2"));
        Files.createDirectories(home.resolve("ethereum"));
        Files.writeString(home.resolve("authorities/authority-2/watcher.key"), "07".repeat(32) + "\n");
        Files.writeString(home.resolve("ethereum/pipe.address"), "0x" + "7e".repeat(20) + "\n");

        config(2, Optional.of(home.toString())).verify();
    }
}
