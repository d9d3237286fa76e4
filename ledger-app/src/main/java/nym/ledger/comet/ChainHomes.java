package nym.ledger.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the CometBFT homes of a chain whose validators all run on this machine: for each validator
 * {@code <root>/<moniker>/config/} (genesis.json with every validator, config.toml, priv_validator_key.json and
 * node_key.json, owner-only) and {@code data/priv_validator_state.json}, plus {@code <root>/genesis.json}. The
 * application's state lives beside, in {@code <root>/<moniker>/app} (ledger-app abci --home).
 *
 * <p>config.toml names only what differs from CometBFT's defaults (every other key keeps its default): loopback
 * listeners, the validators as persistent peers of each other (duplicate IPs allowed, since all are 127.0.0.1), no
 * peer exchange, the block time, the kv tx indexer the ledger adapter backfills from.
 */
public final class ChainHomes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final List<ValidatorSpec> validators;
    private final Settings settings;

    /**
     * @param timeoutCommit CometBFT's pause after a commit, which sets the block time
     * @param builtinApp null to drive ledger-app over its ABCI socket; else one of CometBFT's own applications
     *     ({@code kvstore}, the baseline of the benchmarks)
     * @param logLevel CometBFT's {@code log_level}
     */
    public record Settings(Duration timeoutCommit, String builtinApp, String logLevel) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), null, "info");
        }

        public Settings withTimeoutCommit(Duration d) {
            return new Settings(d, builtinApp, logLevel);
        }

        public Settings withBuiltinApp(String app) {
            return new Settings(timeoutCommit, app, logLevel);
        }
    }

    public ChainHomes(Path root, List<ValidatorSpec> validators, Settings settings) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one validator");
        }
        this.root = root;
        this.validators = List.copyOf(validators);
        this.settings = settings;
    }

    /**
     * Validators 1..n named {@code validator-<i>} on ports from {@code basePort} (see {@link ValidatorSpec#numbered}),
     * with the keys already in their homes under {@code root}, or new random ones.
     */
    public static ChainHomes numbered(Path root, int n, int basePort, Settings settings) throws IOException {
        List<ValidatorSpec> specs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Path config = root.resolve("validator-" + i).resolve("config");
            specs.add(ValidatorSpec.numbered(
                    i,
                    basePort,
                    ValidatorKey.readOrRandom(config.resolve("priv_validator_key.json")),
                    ValidatorKey.readOrRandom(config.resolve("node_key.json"))));
        }
        return new ChainHomes(root, specs, settings);
    }

    public Path root() {
        return root;
    }

    public List<ValidatorSpec> validators() {
        return validators;
    }

    public Settings settings() {
        return settings;
    }

    public Path home(int index) {
        return root.resolve(validators.get(index).moniker());
    }

    /**
     * Writes every home for {@code genesis} (a CometBFT genesis document with chain id and app_state, see
     * {@link GenesisDoc}); the validator set is filled in here, each with power 10. A validator's signing state
     * (priv_validator_state.json) is kept if present: resetting it would let the key sign twice at a height.
     */
    public List<Path> write(ObjectNode genesis) throws IOException {
        ObjectNode doc = genesis.deepCopy();
        ArrayNode set = doc.putArray("validators");
        for (ValidatorSpec v : validators) {
            ObjectNode entry = set.addObject();
            entry.put(
                    "address",
                    HexFormat.of().withUpperCase().formatHex(v.consensusKey().address()));
            entry.set("pub_key", v.consensusKey().publicKeyJson());
            entry.put("power", "10");
            entry.put("name", v.moniker());
        }
        byte[] genesisBytes = GenesisDoc.toBytes(doc);
        List<Path> written = new ArrayList<>();
        written.add(place(root.resolve("genesis.json"), genesisBytes, false));
        for (int i = 0; i < validators.size(); i++) {
            ValidatorSpec v = validators.get(i);
            Path home = home(i);
            written.add(place(home.resolve("config/genesis.json"), genesisBytes, false));
            written.add(place(home.resolve("config/config.toml"), configToml(v).getBytes(), false));
            written.add(place(
                    home.resolve("config/priv_validator_key.json"),
                    GenesisDoc.toBytes(v.consensusKey().privValidatorKeyJson()),
                    true));
            written.add(place(
                    home.resolve("config/node_key.json"),
                    GenesisDoc.toBytes(v.nodeKey().nodeKeyJson()),
                    true));
            Path signState = home.resolve("data/priv_validator_state.json");
            if (!Files.exists(signState)) {
                written.add(place(signState, "{\"height\":\"0\",\"round\":0,\"step\":0}\n".getBytes(), true));
            }
        }
        return written;
    }

    /** The chain id of the genesis written under the root. */
    public String chainId() {
        try {
            JsonNode g = JSON.readTree(root.resolve("genesis.json").toFile());
            return g.get("chain_id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String configToml(ValidatorSpec self) {
        String peers = validators.stream()
                .filter(v -> v != self)
                .map(ValidatorSpec::peerAddress)
                .collect(Collectors.joining(","));
        String proxyApp = settings.builtinApp() != null ? settings.builtinApp() : self.abciAddress();
        return "# Written by ledger-app (nym.ledger.comet.ChainHomes). Keys not named here keep CometBFT v0.38's defaults.\n"
                + "proxy_app = \"" + proxyApp + "\"\n"
                + "moniker = \"" + self.moniker() + "\"\n"
                + "log_level = \"" + settings.logLevel() + "\"\n"
                + "\n[rpc]\n"
                + "laddr = \"tcp://127.0.0.1:" + self.rpcPort() + "\"\n"
                + "\n[p2p]\n"
                + "laddr = \"tcp://127.0.0.1:" + self.p2pPort() + "\"\n"
                + "persistent_peers = \"" + peers + "\"\n"
                + "# every validator of this chain is on 127.0.0.1\n"
                + "addr_book_strict = false\n"
                + "allow_duplicate_ip = true\n"
                + "pex = false\n"
                + "\n[consensus]\n"
                + "timeout_commit = \"" + settings.timeoutCommit().toMillis() + "ms\"\n"
                + "\n[tx_index]\n"
                + "indexer = \"kv\"\n"
                + "\n[instrumentation]\n"
                + "prometheus = " + (self.prometheusPort() > 0) + "\n"
                + "prometheus_listen_addr = \"127.0.0.1:" + Math.max(self.prometheusPort(), 0) + "\"\n";
    }

    private Path place(Path target, byte[] content, boolean secret) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return root.relativize(target);
    }
}
