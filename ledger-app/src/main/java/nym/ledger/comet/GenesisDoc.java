package nym.ledger.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.state.Genesis;
import nym.ledger.tx.Secp256k1.KeyPair;

/**
 * A CometBFT genesis file ({@code genesis_time, chain_id, initial_height, validators, app_state, ...}): the
 * application's genesis is its {@code app_state} (see {@link nym.ledger.state.Genesis}); {@link ChainHomes} adds the
 * validators when it writes the homes.
 */
public record GenesisDoc(String chainId, Instant genesisTime, long initialHeight, byte[] appState, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    /** q of the development genesis' Coconut parameters (as localnet's). */
    public static final int DEV_COCONUT_ATTRIBUTES = 3;

    private static final long DEV_DKG_SEED = 0x6e796d2d646b67L;

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
        try {
            return new GenesisDoc(
                    root.get("chain_id").asText(), t, initial, JSON.writeValueAsBytes(root.get("app_state")), root);
        } catch (IOException e) {
            throw new LedgerException(Kind.BAD_GENESIS, e.getMessage());
        }
    }

    /**
     * A development genesis from fixed seeds: watchers "watcher-1..n", issuers "issuer-1..n" with DKG keys
     * {@link #devDkgKey}, verifiers "verifier-1..n" (threshold t), providers "provider-1..n", Coconut parameters for
     * {@link #DEV_COCONUT_ATTRIBUTES} attributes, the {@link GenesisParties.DkgSchedule#LOCALNET} schedule, the
     * default bandwidth per NYM, and
     * {@code accounts} funded accounts "dev-0..", each with {@code balance}. Keys come from {@link KeyPair#fromSeed}
     * and fixed random streams — public knowledge, for development only.
     */
    public static ObjectNode development(String chainId, int authorities, int threshold, int accounts, long balance) {
        List<byte[]> watchers = new ArrayList<>();
        List<GenesisParties.Issuer> issuers = new ArrayList<>();
        List<byte[]> verifiers = new ArrayList<>();
        List<byte[]> providers = new ArrayList<>();
        for (int i = 1; i <= authorities; i++) {
            providers.add(KeyPair.fromSeed("provider-" + i).address());
            watchers.add(KeyPair.fromSeed("watcher-" + i).address());
            issuers.add(new GenesisParties.Issuer(
                    devIssuer(i).address(), devDkgKey(i).publicKey().toBytes()));
            verifiers.add(KeyPair.fromSeed("verifier-" + i).address());
        }
        List<GenesisParties.Account> funded = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            funded.add(new GenesisParties.Account(devAccount(i).address(), balance));
        }
        return of(
                chainId,
                Instant.now(),
                new GenesisParties(
                        KeyPair.fromSeed("pipe").address(),
                        threshold,
                        watchers,
                        issuers,
                        verifiers,
                        providers,
                        devCoconutParams().toBytes(),
                        GenesisParties.DkgSchedule.LOCALNET,
                        Genesis.DEFAULT_BANDWIDTH_BYTES_PER_NYM,
                        funded));
    }

    /** Development issuer i's ledger account (it signs that issuer's DKG transactions). */
    public static KeyPair devIssuer(int i) {
        return KeyPair.fromSeed("issuer-" + i);
    }

    /** Development issuer i's DKG key pair, from a fixed random stream (public knowledge). */
    public static DkgKeyPair devDkgKey(int i) {
        return DkgKeyPair.generate(RandomSource.deterministic(DEV_DKG_SEED + i));
    }

    /** The Coconut parameters of the development genesis. */
    public static Parameters devCoconutParams() {
        try {
            return Setup.setup(DEV_COCONUT_ATTRIBUTES);
        } catch (CoconutException e) {
            throw new IllegalStateException("Coconut setup failed for q = " + DEV_COCONUT_ATTRIBUTES, e);
        }
    }

    /** A CometBFT genesis document whose {@code app_state} registers {@code parties}. */
    public static ObjectNode of(String chainId, Instant genesisTime, GenesisParties parties) {
        ObjectNode g = JSON.createObjectNode();
        g.put("genesis_time", genesisTime.toString());
        g.put("chain_id", chainId);
        g.put("initial_height", "1");
        g.put("app_hash", "");
        ObjectNode app = g.putObject("app_state");
        app.put("watcher_threshold", parties.threshold());
        app.put("issuer_threshold", parties.threshold());
        app.put("verifier_threshold", parties.threshold());
        app.put("verifier_reject_threshold", parties.threshold());
        app.put("pipe_account", Hex.prefixed(parties.pipeAccount()));
        ArrayNode w = app.putArray("watchers");
        parties.watchers().forEach(a -> w.add(Hex.prefixed(a)));
        ArrayNode is = app.putArray("issuers");
        for (GenesisParties.Issuer issuer : parties.issuers()) {
            ObjectNode entry = is.addObject();
            entry.put("address", Hex.prefixed(issuer.address()));
            entry.put("dkg_key", Hex.lower(issuer.dkgKey()));
        }
        ArrayNode v = app.putArray("verifiers");
        parties.verifiers().forEach(a -> v.add(Hex.prefixed(a)));
        ArrayNode p = app.putArray("providers");
        parties.providers().forEach(a -> p.add(Hex.prefixed(a)));
        app.putObject("coconut").put("params", BASE64.encodeToString(parties.coconutParams()));
        app.putObject("dkg")
                .put("dealing_blocks", parties.dkgSchedule().dealingBlocks())
                .put("complaint_blocks", parties.dkgSchedule().complaintBlocks())
                .put("rotation_blocks", parties.dkgSchedule().rotationBlocks());
        app.put("bandwidth_bytes_per_nym", parties.bandwidthBytesPerNym());
        ArrayNode a = app.putArray("accounts");
        for (GenesisParties.Account account : parties.accounts()) {
            ObjectNode acc = a.addObject();
            acc.put("address", Hex.prefixed(account.address()));
            acc.put("balance", Long.toString(account.balance()));
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
