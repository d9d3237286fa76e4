package nym.mixnode.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nym.directory.api.AuthoritySet;
import nym.directory.api.testing.TestAuthorities;
import nym.link.LinkSettings;
import nym.mixnode.keys.NodeKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixNodeConfigTest {

    private static final AuthoritySet AUTHORITIES =
            TestAuthorities.threeOfWhichTwo().set();

    private static MixNodeConfig.Builder builder() {
        return MixNodeConfig.builder(
                        NodeMode.MIX, NodeKeys.fromSeed("t"), URI.create("http://127.0.0.1:1"), Path.of("data"))
                .authorities(AUTHORITIES);
    }

    @Test
    void build_withoutAuthorities_refused() {
        assertThrows(
                NullPointerException.class,
                () -> MixNodeConfig.builder(
                                NodeMode.MIX, NodeKeys.fromSeed("t"), URI.create("http://127.0.0.1:1"), Path.of("d"))
                        .build());
    }

    @Test
    void toml_authorities_writtenAndReadBack(@TempDir Path home) throws Exception {
        TomlConfig.write(home, builder().build());
        MixNodeConfig read = TomlConfig.load(home);
        assertEquals(AUTHORITIES.keys(), read.authorities().keys());
        assertEquals(AUTHORITIES.threshold(), read.authorities().threshold());
    }

    @Test
    void toml_dropProbability_writtenUnderTestingAndReadBack(@TempDir Path home) throws Exception {
        TomlConfig.write(home, builder().dropProbability(0.5).build());
        assertTrue(Files.readString(home.resolve(TomlConfig.FILE)).contains("[testing]"));
        assertEquals(0.5, TomlConfig.load(home).dropProbability());
    }

    @Test
    void build_dropProbabilityOutOfRangeOrOnAGateway_refusedNamingTheSetting() {
        for (double p : new double[] {-0.01, 1.0, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> builder().dropProbability(p).build());
            assertTrue(e.getMessage().contains("testing.drop_probability"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MixNodeConfig.builder(
                                NodeMode.GATEWAY,
                                NodeKeys.fromSeed("t"),
                                URI.create("http://127.0.0.1:1"),
                                Path.of("d"))
                        .authorities(AUTHORITIES)
                        .dropProbability(0.5)
                        .build());
        assertTrue(e.getMessage().contains("mix nodes"), e.getMessage());
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
        assertEquals(Duration.ofSeconds(10), c.handshakeTimeout());
        assertEquals(65_536, c.rekeyCells());
        assertEquals(128, c.concurrentHandshakes());
        assertEquals(0.0, c.dropProbability());
    }

    @Test
    void mixLinkSettings_onePacketPerCellWithTheConfiguredTimeoutAndRekey() {
        MixNodeConfig c =
                builder().handshakeTimeout(Duration.ofSeconds(2)).rekeyCells(99).build();
        LinkSettings link = c.mixLinkSettings();
        assertEquals(MixNodeConfig.MIX_LINK_KIND, link.kind());
        assertEquals(c.sphinx().packetSize(), link.inboundCellSize());
        assertEquals(c.sphinx().packetSize(), link.outboundCellSize());
        assertEquals(Duration.ofSeconds(2), link.handshakeTimeout());
        assertEquals(99, link.rekeyInterval());
    }

    @Test
    void toml_linkSettings_writtenAndReadBack(@TempDir Path home) throws Exception {
        TomlConfig.write(
                home,
                builder()
                        .handshakeTimeout(Duration.ofMillis(2500))
                        .rekeyCells(1000)
                        .concurrentHandshakes(7)
                        .build());
        String text = Files.readString(home.resolve(TomlConfig.FILE));
        assertTrue(text.contains("handshake_timeout_ms = 2500"), text);
        assertTrue(text.contains("rekey_cells = 1000"), text);
        MixNodeConfig read = TomlConfig.load(home);
        assertEquals(Duration.ofMillis(2500), read.handshakeTimeout());
        assertEquals(1000, read.rekeyCells());
        assertEquals(7, read.concurrentHandshakes());
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
        assertThrows(
                IllegalArgumentException.class, () -> builder().metricsPort(-2).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().metricsPort(65536).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().handshakeTimeout(Duration.ZERO).build());
        assertThrows(
                IllegalArgumentException.class, () -> builder().rekeyCells(0).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> builder().concurrentHandshakes(0).build());
    }
}
