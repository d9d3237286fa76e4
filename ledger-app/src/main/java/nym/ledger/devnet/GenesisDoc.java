package nym.ledger.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Secp256k1.KeyPair;

/**
 * A CometBFT genesis file ({@code genesis_time, chain_id, initial_height, app_state, ...}); the devnet reads the
 * chain id, the time and {@code app_state}, the application's genesis (see {@link nym.ledger.state.Genesis}).
 */
public record GenesisDoc(String chainId, Instant genesisTime, long initialHeight, byte[] appState, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static GenesisDoc read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "cannot read genesis " + file + ": " + e.getMessage());
        }
    }

    public static GenesisDoc parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "genesis is not JSON: " + e.getMessage());
        }
        if (root == null || !root.hasNonNull("chain_id") || !root.has("app_state")) {
            throw new LedgerException(Kind.BAD_GENESIS, "genesis needs chain_id and app_state");
        }
        Instant t;
        try {
            t = root.hasNonNull("genesis_time")
                    ? Instant.parse(root.get("genesis_time").asText())
                    : Instant.EPOCH;
        } catch (java.time.format.DateTimeParseException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "bad genesis_time");
        }
        long initial =
                root.hasNonNull("initial_height") ? root.get("initial_height").asLong(1) : 1;
        if (initial != 1) {
            throw new LedgerException(Kind.BAD_GENESIS, "devnet supports initial_height 1 only");
        }
        try {
            return new GenesisDoc(
                    root.get("chain_id").asText(), t, initial, JSON.writeValueAsBytes(root.get("app_state")), root);
        } catch (IOException e) {
            throw new LedgerException(Kind.BAD_GENESIS, e.getMessage());
        }
    }

    /**
     * A development genesis from fixed seeds: watchers "watcher-1..n", issuers "issuer-1..n", verifiers
     * "verifier-1..n" (threshold t), and {@code accounts} funded accounts "dev-0..", each with {@code balance}.
     * Keys come from {@link KeyPair#fromSeed} — public knowledge, for development only.
     */
    public static ObjectNode development(String chainId, int authorities, int threshold, int accounts, long balance) {
        ObjectNode g = JSON.createObjectNode();
        g.put("genesis_time", Instant.now().toString());
        g.put("chain_id", chainId);
        g.put("initial_height", "1");
        g.put("app_hash", "");
        ObjectNode app = g.putObject("app_state");
        app.put("watcher_threshold", threshold);
        app.put("issuer_threshold", threshold);
        app.put("verifier_threshold", threshold);
        app.put("verifier_reject_threshold", threshold);
        app.put("pipe_account", Hex.prefixed(KeyPair.fromSeed("pipe").address()));
        ArrayNode w = app.putArray("watchers");
        ArrayNode is = app.putArray("issuers");
        ArrayNode v = app.putArray("verifiers");
        for (int i = 1; i <= authorities; i++) {
            w.add(Hex.prefixed(KeyPair.fromSeed("watcher-" + i).address()));
            ObjectNode issuer = is.addObject();
            issuer.put("address", Hex.prefixed(KeyPair.fromSeed("issuer-" + i).address()));
            issuer.put(
                    "verification_key",
                    Base64.getEncoder().encodeToString(("dev-issuer-key-" + i).getBytes(StandardCharsets.UTF_8)));
            v.add(Hex.prefixed(KeyPair.fromSeed("verifier-" + i).address()));
        }
        ObjectNode c = app.putObject("coconut");
        c.put(
                "verification_key",
                Base64.getEncoder().encodeToString("dev-aggregated-vk".getBytes(StandardCharsets.UTF_8)));
        c.put("params", Base64.getEncoder().encodeToString("dev-params".getBytes(StandardCharsets.UTF_8)));
        ArrayNode a = app.putArray("accounts");
        for (int i = 0; i < accounts; i++) {
            ObjectNode acc = a.addObject();
            acc.put("address", Hex.prefixed(devAccount(i).address()));
            acc.put("balance", Long.toString(balance));
        }
        return g;
    }

    /** The i-th funded development account of {@link #development}. */
    public static KeyPair devAccount(int i) {
        return KeyPair.fromSeed("dev-" + i);
    }

    public static byte[] toBytes(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
