package nym.localnet.tree;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.directory.api.AuthoritySet;
import nym.ledger.Hex;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.GenesisParties;
import nym.ledger.comet.ValidatorKey;
import nym.ledger.comet.ValidatorSpec;
import nym.ledger.tx.Secp256k1;

/**
 * Writes the network tree of localnet/README.md ("The network tree"). Each authority's folder is written as its
 * operator would write it on its own machine ({@link AuthorityInit}: keys from {@link SecureRandom}, kept when
 * present), each provider's, gateway's and node operator's ledger account likewise ({@link LedgerAccount}); the genesis
 * and the authority set are then built from their public files only ({@code authority.toml}, {@code provider.address},
 * {@code gateway.address}, {@code operator.address}), with the Coconut parameters, the DKG schedule, the bandwidth per
 * NYM and the stake parameters with the authorities' monitors ({@link StakeGenesis}): the issuing key comes from the
 * key epochs' DKG on the ledger, no dealer ever holds it. The pipe account, the clients and the
 * validators come from the key source (a development seed or the operating system). One writer writes one tree once.
 */
final class NetworkTree {

    /** q = 3: the token's attributes (private serial and secret, public value), as in crypto/coconut's Token. */
    static final int COCONUT_ATTRIBUTES = 3;
    /** The aggregated key of the trusted dealer (trees before issue 19); no such key exists any more. */
    static final String RETIRED_VERIFICATION_KEY = "coconut/verification-key";

    /**
     * Files relative to the root: written (in order), secret files kept as they were, retired files removed, and the
     * monitor keys given to authority folders written before issue 21 (also among the written ones).
     */
    record Report(List<Path> written, List<Path> kept, List<Path> removed, List<Path> monitorKeysAdded) {}

    private final Path root;
    private final NetworkSize size;
    private final KeySource keys;
    private final int ledgerBasePort;
    private final List<Path> written = new ArrayList<>();
    private final List<Path> kept = new ArrayList<>();
    private final List<Path> removed = new ArrayList<>();
    private final List<Path> monitorKeysAdded = new ArrayList<>();

    NetworkTree(Path root, NetworkSize size, KeySource keys, int ledgerBasePort) {
        this.root = root;
        this.size = size;
        this.keys = keys;
        this.ledgerBasePort = ledgerBasePort;
    }

    static String authorityFolder(int i) {
        return "authorities/authority-" + i + "/";
    }

    /** Writes the whole tree. */
    Report write(String chainId, String seedDescription) throws IOException, CoconutException {
        Parameters params = Setup.setup(COCONUT_ATTRIBUTES);
        written.add(publicFile("coconut/parameters", params.toText()));
        retire(RETIRED_VERIFICATION_KEY);

        AuthorityInit authorityInit = new AuthorityInit(new SecureRandom());
        for (int i = 1; i <= size.authorities(); i++) {
            String dir = authorityFolder(i);
            AuthorityInit.Result result = authorityInit.init(root.resolve(dir), i);
            result.generated().forEach(f -> written.add(Path.of(dir, f)));
            result.kept().forEach(f -> kept.add(Path.of(dir, f)));
            result.removed().forEach(f -> removed.add(Path.of(dir, f)));
            if (result.monitorKeyAddedToOlderFolder()) {
                monitorKeysAdded.add(Path.of(dir, AuthorityInit.MONITOR_KEY));
            }
            written.add(Path.of(dir, AuthorityRecord.FILE));
        }
        for (LedgerAccount kind : LedgerAccount.values()) {
            for (int k = 1; k <= count(kind); k++) {
                ledgerAccount(kind, k);
            }
        }

        Secp256k1.KeyPair pipe = secp256k1("ethereum/", "pipe");
        written.add(publicFile("ethereum/pipe.address", Hex.prefixed(pipe.address())));
        List<GenesisParties.Account> funded = new ArrayList<>();
        for (int k = 1; k <= size.clients(); k++) {
            Secp256k1.KeyPair client = secp256k1("clients/client-" + k + "/", "account");
            if (size.clientGenesisBalance() > 0) {
                funded.add(new GenesisParties.Account(client.address(), size.clientGenesisBalance()));
            }
        }
        if (size.operatorGenesisBalance() > 0) {
            for (byte[] operator : published(LedgerAccount.OPERATOR)) {
                funded.add(new GenesisParties.Account(operator, size.operatorGenesisBalance()));
            }
        }

        List<AuthorityRecord> authorities = publishedAuthorities();
        written.add(publicFile(
                AuthoritySet.TREE_FILE,
                new AuthoritySet(
                                authorities.stream()
                                        .map(AuthorityRecord::directoryKey)
                                        .toList(),
                                size.threshold(),
                                size.epochSeconds())
                        .toText()));
        GenesisParties parties = new GenesisParties(
                pipe.address(),
                size.threshold(),
                authorities.stream().map(AuthorityRecord::watcherAddress).toList(),
                authorities.stream()
                        .map(a -> new GenesisParties.Issuer(
                                a.issuerAddress(), a.dkgKey().toBytes()))
                        .toList(),
                authorities.stream().map(AuthorityRecord::verifierAddress).toList(),
                publishedServiceProviders(),
                params.toBytes(),
                GenesisParties.DkgSchedule.LOCALNET,
                size.bandwidthBytesPerNym(),
                funded);
        ObjectNode genesis = GenesisDoc.of(chainId, Instant.now(), parties);
        if (size.stake()) {
            List<byte[]> monitors =
                    authorities.stream().map(AuthorityRecord::monitorAddress).toList();
            ((ObjectNode) genesis.get("app_state"))
                    .set(
                            "stake",
                            StakeGenesis.treeDefaults(size.epochSeconds(), monitors)
                                    .toJson());
        }
        ledgerHomes().write(genesis).stream()
                .map(p -> root.relativize(root.resolve("ledger").resolve(p)))
                .forEach(written::add);
        written.add(publicFile("network.toml", size.toToml(chainId, seedDescription)));
        return new Report(List.copyOf(written), List.copyOf(kept), List.copyOf(removed), List.copyOf(monitorKeysAdded));
    }

    /** Every authority's {@code authority.toml}, in index order: all the genesis knows of the authorities. */
    private List<AuthorityRecord> publishedAuthorities() throws IOException {
        List<AuthorityRecord> records = new ArrayList<>();
        for (int i = 1; i <= size.authorities(); i++) {
            Path file = root.resolve(authorityFolder(i)).resolve(AuthorityRecord.FILE);
            AuthorityRecord record = AuthorityRecord.read(file);
            if (record.index() != i) {
                throw new IllegalStateException(file + " says index " + record.index() + ", its folder " + i);
            }
            records.add(record);
        }
        return records;
    }

    private int count(LedgerAccount kind) {
        return switch (kind) {
            case PROVIDER -> size.providers();
            case GATEWAY -> size.gateways();
            case OPERATOR -> size.operators();
        };
    }

    /** Number {@code k}'s ledger account of this kind: its key kept when present (as an authority's), else new. */
    private void ledgerAccount(LedgerAccount kind, int k) throws IOException {
        String dir = kind.folder(k);
        boolean had = Files.exists(root.resolve(dir).resolve(kind.keyFile()));
        kind.init(root.resolve(dir), () -> keys.bytes32(kind.keyLabel(k)));
        (had ? kept : written).add(Path.of(dir, kind.keyFile()));
        written.add(Path.of(dir, kind.addressFile()));
    }

    /**
     * What the genesis registers as service providers, from their published addresses: the providers, then the
     * gateways (they redeem the credentials their clients spend there like a provider).
     */
    private List<byte[]> publishedServiceProviders() throws IOException {
        List<byte[]> accounts = new ArrayList<>();
        for (LedgerAccount kind : LedgerAccount.values()) {
            if (kind.serviceProvider()) {
                accounts.addAll(published(kind));
            }
        }
        return accounts;
    }

    /** The published addresses of every account of this kind, in number order. */
    private List<byte[]> published(LedgerAccount kind) throws IOException {
        List<byte[]> accounts = new ArrayList<>();
        for (int k = 1; k <= count(kind); k++) {
            accounts.add(kind.address(root.resolve(kind.folder(k))));
        }
        return accounts;
    }

    private void retire(String relative) throws IOException {
        if (Files.deleteIfExists(root.resolve(relative))) {
            removed.add(Path.of(relative));
        }
    }

    /** The CometBFT validators' homes under ledger/ (each with its consensus and p2p key from the key source). */
    private ChainHomes ledgerHomes() {
        List<ValidatorSpec> validators = new ArrayList<>();
        for (int i = 1; i <= size.validators(); i++) {
            String dir = "ledger/validator-" + i + "/";
            validators.add(ValidatorSpec.numbered(
                    i,
                    ledgerBasePort,
                    ValidatorKey.fromSeed(keys.bytes32(dir + "priv_validator_key")),
                    ValidatorKey.fromSeed(keys.bytes32(dir + "node_key"))));
        }
        return new ChainHomes(root.resolve("ledger"), validators, ChainHomes.Settings.defaults());
    }

    private Secp256k1.KeyPair secp256k1(String dir, String name) throws IOException {
        byte[] secret = keys.bytes32(dir + name);
        Secp256k1.KeyPair pair = Secp256k1.KeyPair.of(secret);
        KeyFiles.writeSecret(root.resolve(dir + name + ".key"), HexFormat.of().formatHex(secret));
        written.add(Path.of(dir + name + ".key"));
        return pair;
    }

    private Path publicFile(String relative, String content) throws IOException {
        KeyFiles.writePublic(root.resolve(relative), content);
        return Path.of(relative);
    }
}
