package nym.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.testing.Topologies;
import nym.client.topology.Mixing;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientConfigFileTest {

    private static final ClientConfig.Authorities AUTHORITIES =
            ClientConfig.Authorities.of(TestAuthorities.threeOfWhichTwo().set());
    private static final String GATEWAY_KEY = Topologies.identity();

    private static ClientConfig sample() {
        return ClientConfig.defaults(
                "client-1", URI.create("http://127.0.0.1:8080"), AUTHORITIES, new ClientConfig.Gateway(GATEWAY_KEY));
    }

    @Test
    void render_defaults_readsBackEqualWithTheAuthoritiesPinned() {
        ClientConfig config = sample();
        String text = ClientConfigFile.render(config);
        ClientConfig read = ClientConfigFile.parse(text);
        assertEquals(config, read);
        assertEquals(AUTHORITIES, read.authorities());
        assertTrue(text.contains("(default 20000.0)"), text);
    }

    @Test
    void parse_fractionalMillisecondDelay_keptAtNanosecondResolution() {
        ClientConfig config = sample().withTraffic(new ClientConfig.Traffic(
                MixingOverride.all(new Mixing(Duration.ofNanos(250_500), 100.0, 3.0, 0.0)),
                Duration.ofMillis(1500),
                5));
        ClientConfig read = ClientConfigFile.parse(ClientConfigFile.render(config));
        assertEquals(
                Optional.of(Duration.ofNanos(250_500)), read.traffic().mixing().averageHopDelay());
        assertEquals(config, read);
    }

    @Test
    void render_defaults_mixingLeftToTheEpochDocuments() {
        String text = ClientConfigFile.render(sample());
        for (String key : new String[] {"payload_rate", "loop_rate", "drop_rate", "average_hop_delay_ms"}) {
            assertTrue(text.contains("# " + key + " = (the epoch document's)"), text);
        }
        assertEquals(MixingOverride.NONE, ClientConfigFile.parse(text).traffic().mixing());
    }

    @Test
    void parse_oneRateSet_onlyThatOneOverridden() {
        String text = ClientConfigFile.render(sample()).replace("[traffic]", "[traffic]\nloop_rate = 4.5");
        MixingOverride override = ClientConfigFile.parse(text).traffic().mixing();
        Mixing document = new Mixing(Duration.ofMillis(50), 2.0, 1.0, 1.0);
        assertEquals(new Mixing(Duration.ofMillis(50), 2.0, 4.5, 1.0), override.applyTo(document));
    }

    @Test
    void parse_retiredDirectoryKey_refusedSayingToPinTheAuthorities() {
        String text = ClientConfigFile.render(sample()).replace("[directory]", "[directory]\nkey = \"AAAA\"");
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(text));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("directory.key is no longer read"), e.getMessage());
        assertTrue(e.getMessage().contains("nymclient init --authorities"), e.getMessage());
    }

    @Test
    void parse_noAuthorities_refusedSayingHowToPinThem() {
        String text = ClientConfigFile.render(sample()).replaceFirst("(?m)^authority_keys = .*$", "");
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(text));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("directory.authority_keys is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("--authorities"), e.getMessage());
    }

    @Test
    void parse_retiredMessageRate_refusedNamingTheNewKeys() {
        String text = ClientConfigFile.render(sample()).replace("[traffic]", "[traffic]\nmessage_rate = 2.0");
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(text));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        for (String key : new String[] {"traffic.payload_rate", "traffic.loop_rate", "traffic.drop_rate"}) {
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void parse_retiredFetchInterval_refusedNamingItAsRemoved() {
        String text = ClientConfigFile.render(sample()).replace("[traffic]", "[traffic]\nfetch_interval_ms = 1000");
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(text));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("traffic.fetch_interval_ms is no longer read"), e.getMessage());
        assertTrue(e.getMessage().contains("gateway pushes"), e.getMessage());
    }

    @Test
    void parse_onlyRequiredKeys_defaultsFilledIn() {
        ClientConfig config = ClientConfigFile.parse(String.join(
                "\n",
                "[client]",
                "id = \"c\"",
                "[directory]",
                "url = \"http://127.0.0.1:1\"",
                "authority_threshold = 2",
                "authority_keys = ["
                        + String.join(
                                ", ",
                                AUTHORITIES.keys().stream()
                                        .map(k -> "\"" + k + "\"")
                                        .toList()) + "]",
                "[gateway]",
                "identity_key = \"" + GATEWAY_KEY + "\""));
        assertEquals(ClientConfig.Traffic.DEFAULTS, config.traffic());
        assertEquals(ClientConfig.Api.DEFAULTS, config.api());
        assertEquals(ClientConfig.Directory.DEFAULT_REFRESH, config.directory().refresh());
        assertEquals(1_048_576, config.gateway().topUpBelowBytes());
        assertEquals(500, config.routing().minPerformance());
    }

    @Test
    void render_minPerformance_readsBackAndIsDocumented() {
        ClientConfig config = sample().withRouting(new ClientConfig.Routing(800));
        String text = ClientConfigFile.render(config);
        assertTrue(text.contains("[routing]\n"), text);
        assertTrue(text.contains("(default 500, 0..1000)"), text);
        assertEquals(800, ClientConfigFile.parse(text).routing().minPerformance());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "above 1000   | min_performance = 1001     | routing.min_performance must be within 0..1000",
                "negative     | min_performance = -1       | routing.min_performance must be within 0..1000",
                "fraction     | min_performance = 0.5      | routing.min_performance must be an integer",
                "text         | min_performance = \"high\" | routing.min_performance must be an integer",
                "unknown key  | min_score = 500            | unknown setting(s) [routing.min_score]",
            })
    void parse_badRoutingValue_refusedNamingTheSetting(String name, String line, String expected) {
        String text = ClientConfigFile.render(sample()).replace("min_performance = 500", line);
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(text));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void render_topUpThreshold_readsBack() {
        ClientConfig config = ClientConfig.defaults(
                "client-1", URI.create("http://127.0.0.1:8080"), AUTHORITIES, new ClientConfig.Gateway(GATEWAY_KEY, 0));
        assertEquals(
                0,
                ClientConfigFile.parse(ClientConfigFile.render(config))
                        .gateway()
                        .topUpBelowBytes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not TOML            | payload_rate = = 3                 | not valid TOML",
                "unknown key         | payload_rat = 3                    | unknown setting",
                "wrong type          | payload_rate = \"fast\"            | traffic.payload_rate",
                "negative rate       | payload_rate = -1.0                | traffic.payload_rate",
                "negative loop rate  | loop_rate = -0.5                   | traffic.loop_rate",
                "absurd rate         | drop_rate = 1e9                    | traffic.drop_rate",
                "nan rate            | drop_rate = nan                    | traffic.drop_rate",
                "negative delay      | average_hop_delay_ms = -5          | traffic.average_hop_delay_ms",
                "zero loop timeout   | loop_timeout_ms = 0                | traffic.loop_timeout_ms",
                "string timeout      | loop_timeout_ms = \"1s\"           | traffic.loop_timeout_ms",
                "queue limit 0       | send_queue_limit = 0               | traffic.send_queue_limit",
                "queue limit float   | send_queue_limit = 1.5             | traffic.send_queue_limit",
            })
    void parse_badTrafficValue_refusedNamingTheSetting(String name, String line, String expected) {
        String key = line.split("=")[0].trim();
        String rendered = ClientConfigFile.render(sample());
        String text = rendered.contains("\n" + key + " =")
                ? rendered.replaceFirst("(?m)^" + key + " = .*$", java.util.regex.Matcher.quoteReplacement(line))
                : rendered.replace("[traffic]", "[traffic]\n" + line);
        String finalText = text;
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(finalText));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "api host not loopback | host = \"127.0.0.1\" | host = \"0.0.0.0\"                  | api.host",
                "api port too high     | port = 1977          | port = 70000                         | api.port",
                "directory url scheme  | url = \"http://127.0.0.1:8080\" | url = \"ftp://x\"           | directory.url",
                "authority key short   | authority_keys = [\" | authority_keys = [\"AAAA\", \" | directory.authority_keys",
                "threshold above n     | authority_threshold = 2 | authority_threshold = 4    | directory.authority_threshold",
                "payload too small     | payload_size = 2048  | payload_size = 10                    | sphinx.payload_size",
                "bad client id         | id = \"client-1\"    | id = \"../etc\"                      | client.id",
                "negative top-up       | topup_below_bytes = 1048576 | topup_below_bytes = -1        | gateway.topup_below_bytes",
                "top-up as text        | topup_below_bytes = 1048576 | topup_below_bytes = \"1M\"    | gateway.topup_below_bytes",
            })
    void parse_badValueElsewhere_refusedNamingTheSetting(String name, String from, String to, String expected) {
        String text = ClientConfigFile.render(sample());
        String changed = text.replace(from, to);
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(changed));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void parse_missingGatewayKey_refused() {
        String text = ClientConfigFile.render(sample()).replace("identity_key = \"" + GATEWAY_KEY + "\"", "");
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.parse(text));
        assertTrue(e.getMessage().contains("gateway.identity_key is missing"), e.getMessage());
    }

    @Test
    void read_missingFile_configErrorNamingTheFile(@TempDir Path dir) {
        ClientException e =
                assertThrows(ClientException.class, () -> new ClientHome(dir.resolve("nobody")).readConfig());
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("nymclient init"), e.getMessage());
    }

    @Test
    void read_badFile_errorNamesTheFileAndLeavesItUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "[traffic]\npayload_rate = -3\n");
        ClientException e = assertThrows(ClientException.class, () -> ClientConfigFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals("[traffic]\npayload_rate = -3\n", Files.readString(file));
    }
}
