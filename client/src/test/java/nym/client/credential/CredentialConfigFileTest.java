package nym.client.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.config.ClientConfigFile;
import org.junit.jupiter.api.Test;

class CredentialConfigFileTest {

    private static final Path HOME = Path.of("/tmp/nym-home");

    private static CredentialConfig sample(boolean ethereum) {
        return new CredentialConfig(
                Path.of("/tree/clients/client-2/account.key"),
                20,
                URI.create("http://127.0.0.1:26657"),
                ethereum
                        ? Optional.of(new CredentialConfig.Ethereum(
                                URI.create("http://127.0.0.1:8545"), "0x" + "ab".repeat(20)))
                        : Optional.empty(),
                List.of(URI.create("http://127.0.0.1:28080"), URI.create("http://127.0.0.1:28180")),
                URI.create("http://127.0.0.1:28180/provider/api/providers/2"),
                new CredentialConfig.Timing(
                        Duration.ofSeconds(3),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40)));
    }

    @Test
    void render_thenParse_sameSettings() {
        for (boolean ethereum : List.of(true, false)) {
            CredentialConfig c = sample(ethereum);
            assertEquals(
                    c,
                    CredentialConfigFile.parse(CredentialConfigFile.render(c), HOME)
                            .orElseThrow());
        }
    }

    @Test
    void parse_noCredentialSection_empty() {
        assertTrue(CredentialConfigFile.parse("[client]\nid = \"x\"\n", HOME).isEmpty());
    }

    @Test
    void parse_relativeKeyAndDefaults_resolvedAgainstHome() {
        CredentialConfig c = CredentialConfigFile.parse(
                        "[credential]\naccount_key = \"account.key\"\n[credential.ledger]\nrpc = \"http://l:1\"\n"
                                + "[credential.issuers]\nurls = [\"http://i:1\"]\n"
                                + "[credential.provider]\nurl = \"http://p:1/provider/api/providers/1\"\n",
                        HOME)
                .orElseThrow();
        assertEquals(HOME.resolve("account.key"), c.accountKey());
        assertEquals(CredentialConfig.DEFAULT_VALUE, c.value());
        assertEquals(CredentialConfig.Timing.DEFAULTS, c.timing());
        assertTrue(c.ethereum().isEmpty());
    }

    @Test
    void parse_badSettings_refusedNamingTheKey() {
        String good = CredentialConfigFile.render(sample(true));
        assertRefused(good.replace("value = 20", "value = 3"), "credential.value");
        assertRefused(good.replace("rpc = \"http://127.0.0.1:26657\"", "rpc = \"ftp://x\""), "credential.ledger.rpc");
        assertRefused(good.replace("token = \"0x" + "ab".repeat(20) + "\"", "token = \"0x12\""), "token");
        assertRefused(good + "\n[credential.extra]\nx = 1\n", "credential.extra.x");
        assertRefused(good.replace("poll_ms = 100", "poll_ms = 0"), "credential.timing.poll_ms");
        assertRefused(good.replace("urls = [", "urls = [\"not a url\", "), "credential.issuers.urls");
        assertRefused(good.replace("value = 20", "value = \"20\""), "wrong type");
    }

    @Test
    void mixnetReader_ignoresTheCredentialSection() {
        String mixnet = "[client]\nid = \"alice\"\n[directory]\nurl = \"http://127.0.0.1:8080\"\nauthority_keys = [\""
                + "A".repeat(43) + "\"]\nauthority_threshold = 1\n[gateway]\nidentity_key = \"" + "B".repeat(43)
                + "\"\nsphinx_key = \""
                + "C".repeat(43) + "\"\nclient_listener = \"127.0.0.1:9000\"\n";
        ClientException e = assertThrows(
                ClientException.class,
                () -> ClientConfigFile.parse(mixnet + CredentialConfigFile.render(sample(false)) + "\n[bogus]\nx=1\n"));
        assertTrue(e.getMessage().contains("bogus.x"), e.getMessage());
        assertTrue(!e.getMessage().contains("credential."), "credential keys are not the mixnet reader's business");
    }

    private static void assertRefused(String text, String named) {
        ClientException e = assertThrows(ClientException.class, () -> CredentialConfigFile.parse(text, HOME));
        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
