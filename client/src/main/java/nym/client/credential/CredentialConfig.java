package nym.client.credential;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential flow's settings: the {@code [credential]} tables of {@code config.toml}, read by
 * {@link CredentialConfigFile}; {@link #localnet} gives the values that fit {@code make localnet}.
 *
 * @param accountKey the holder's secp256k1 key file (64 hex digits): its Ethereum and its ledger account
 * @param value the token value requested by default
 * @param ledger the ledger's RPC endpoint
 * @param ethereum the NYM ERC20 on Ethereum; empty: the Ethereum steps are skipped (the ledger account is funded)
 * @param issuers the authorities' base URLs (the issuer API is under {@code /issuer/api})
 * @param provider the service provider's URL ({@code …/provider/api/providers/<k>})
 */
public record CredentialConfig(
        Path accountKey,
        int value,
        URI ledger,
        Optional<Ethereum> ethereum,
        List<URI> issuers,
        URI provider,
        Timing timing) {

    public CredentialConfig {
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(ethereum, "ethereum");
        issuers = List.copyOf(issuers);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(timing, "timing");
    }

    /** @param rpc the Ethereum JSON-RPC endpoint; @param token the NYM ERC20 contract's address */
    public record Ethereum(URI rpc, String token) {}

    /**
     * @param request bound of one HTTP call
     * @param poll pause between two looks at something that is not there yet
     * @param credit how long the ledger may take to credit an Ethereum transfer (watcher confirmations)
     * @param issue how long the issuers may take to sign
     * @param settle how long the verifiers may take to settle a deposit
     */
    public record Timing(Duration request, Duration poll, Duration credit, Duration issue, Duration settle) {
        public static final Timing DEFAULTS = new Timing(
                Duration.ofSeconds(10),
                Duration.ofMillis(250),
                Duration.ofMinutes(2),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
    }

    public static final int DEFAULT_VALUE = 10;

    /**
     * The settings of {@code make localnet}: client {@code client} of the network tree at {@code networkHome}, the
     * ledger validator 1 on 26657, anvil on 8545 with the token the tree names (if deployed), authority i on 28080 + 100(i-1).
     */
    public static CredentialConfig localnet(Path networkHome, int client, int provider, int authorities) {
        Path tree = networkHome.toAbsolutePath().normalize();
        List<URI> issuers = new java.util.ArrayList<>();
        for (int i = 0; i < authorities; i++) {
            issuers.add(URI.create("http://127.0.0.1:" + (28080 + 100 * i)));
        }
        Optional<Ethereum> ethereum =
                TokenAddressFile.read(tree).map(token -> new Ethereum(URI.create("http://127.0.0.1:8545"), token));
        return new CredentialConfig(
                tree.resolve("clients").resolve("client-" + client).resolve("account.key"),
                DEFAULT_VALUE,
                URI.create("http://127.0.0.1:26657"),
                ethereum,
                issuers,
                URI.create("http://127.0.0.1:28080/provider/api/providers/" + provider),
                Timing.DEFAULTS);
    }

    public CredentialConfig withProvider(URI newProvider) {
        return new CredentialConfig(accountKey, value, ledger, ethereum, issuers, newProvider, timing);
    }

    public CredentialConfig withoutEthereum() {
        return new CredentialConfig(accountKey, value, ledger, Optional.empty(), issuers, provider, timing);
    }
}
