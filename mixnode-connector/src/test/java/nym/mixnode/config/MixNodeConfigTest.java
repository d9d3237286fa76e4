package nym.mixnode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import nym.mixnode.keys.NodeKeys;
import org.junit.jupiter.api.Test;

class MixNodeConfigTest {

    private static MixNodeConfig.Builder builder() {
        return MixNodeConfig.builder(
                NodeMode.MIX, NodeKeys.fromSeed("t"), URI.create("http://127.0.0.1:1"), Path.of("data"));
    }

    @Test
    void build_defaults_asDocumented() {
        MixNodeConfig c = builder().build();
        assertEquals(1789, c.mixnetPort());
        assertEquals("127.0.0.1", c.announceHost());
        assertEquals(8192, c.cryptoQueueCapacity());
        assertEquals(Duration.ofSeconds(3), c.presenceInterval());
        assertEquals(Duration.ofSeconds(5), c.drainDeadline());
        assertEquals(MixNodeConfig.METRICS_OFF, c.metricsPort());
    }

    @Test
    void build_outOfRangeSettings_refused() {
        assertThrows(
                IllegalArgumentException.class, () -> builder().cryptoWorkers(0).build());
        assertThrows(
                IllegalArgumentException.class, () -> builder().inboxCapacity(0).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().mixnetPort(70000).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().drainDeadline(Duration.ofSeconds(-1)).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().presenceInterval(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> builder().layer(0).build());
        assertThrows(
                IllegalArgumentException.class, () -> builder().metricsPort(-2).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().metricsPort(65536).build());
    }
}
