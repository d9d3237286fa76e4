package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.keygen.IssuerKey;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.directory.api.AuthoritySet;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.comet.ChainHomes;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.comet.GenesisParties;
import nym.ledger.comet.ValidatorKey;
import nym.ledger.comet.ValidatorSpec;
import nym.ledger.tx.Secp256k1;

/**
 * Writes the network tree of localnet/README.md ("The network tree"): every authority's Coconut share and secp256k1
 * keys, the pipe account, providers' and clients' accounts, each authority's epoch-document signing key and the
 * authority set clients and nodes pin, the Coconut public material,
 * and the homes of the ledger's CometBFT validators with the genesis registering all of them. Every file is written to a temporary name and moved into place, so
 * a reader never sees half a key; secret files are readable by their owner only.
 */
final class NetworkTree {

    /** q = 3: the token's attributes (private serial and secret, public value), as in crypto/coconut's Token. */
    static final int COCONUT_ATTRIBUTES = 3;

    private final Path root;
    private final NetworkSize size;
    private final KeySource keys;
    private final int ledgerBasePort;

    NetworkTree(Path root, NetworkSize size, KeySource keys, int ledgerBasePort) {
        this.root = root;
        this.size = size;
        this.keys = keys;
        this.ledgerBasePort = ledgerBasePort;
    }

    /** Writes the whole tree; returns the files written, relative to the root, in writing order. */
    List<Path> write(String chainId, String seedDescription) throws IOException, CoconutException {
        List<Path> written = new ArrayList<>();
        Parameters params = Setup.setup(COCONUT_ATTRIBUTES);
        ThresholdKeys coconut = KeyGen.ttpKeyGen(params, size.threshold(), size.authorities(), keys.coconut());
        written.add(publicFile("coconut/parameters", params.toText()));
        written.add(
                publicFile("coconut/verification-key", coconut.verificationKey().toText()));

        List<byte[]> watchers = new ArrayList<>();
        List<GenesisParties.Issuer> issuers = new ArrayList<>();
        List<byte[]> verifiers = new ArrayList<>();
        for (int i = 1; i <= size.authorities(); i++) {
            String dir = "authorities/authority-" + i + "/";
            IssuerKey issuer = coconut.issuer(i);
            written.add(secretFile(dir + "issuer.key", issuer.secretKey().toText()));
            written.add(
                    publicFile(dir + "issuer.vk", issuer.verificationKeyShare().toText()));
            Secp256k1.KeyPair account = secp256k1(dir, "issuer-account", written);
            Secp256k1.KeyPair watcher = secp256k1(dir, "watcher", written);
            Secp256k1.KeyPair verifier = secp256k1(dir, "verifier", written);
            written.add(publicFile(
                    dir + "authority.toml",
                    "# authority " + i + ": public addresses of its keys (the secret keys are the *.key files beside)\n"
                            + "index = " + i + "\n"
                            + "issuer_address = \"" + Hex.prefixed(account.address()) + "\"\n"
                            + "watcher_address = \"" + Hex.prefixed(watcher.address()) + "\"\n"
                            + "verifier_address = \"" + Hex.prefixed(verifier.address()) + "\"\n"));
            issuers.add(new GenesisParties.Issuer(
                    account.address(), issuer.verificationKeyShare().toBytes()));
            watchers.add(watcher.address());
            verifiers.add(verifier.address());
        }

        Secp256k1.KeyPair pipe = secp256k1("ethereum/", "pipe", written);
        written.add(publicFile("ethereum/pipe.address", Hex.prefixed(pipe.address())));
        List<byte[]> providers = new ArrayList<>();
        for (int k = 1; k <= size.providers(); k++) {
            providers.add(secp256k1("providers/provider-" + k + "/", "provider", written)
                    .address());
        }
        List<GenesisParties.Account> funded = new ArrayList<>();
        for (int k = 1; k <= size.clients(); k++) {
            Secp256k1.KeyPair client = secp256k1("clients/client-" + k + "/", "account", written);
            if (size.clientGenesisBalance() > 0) {
                funded.add(new GenesisParties.Account(client.address(), size.clientGenesisBalance()));
            }
        }
        written.add(
                publicFile(AuthoritySet.TREE_FILE, topologyAuthorities(written).toText()));

        GenesisParties parties = new GenesisParties(
                pipe.address(),
                size.threshold(),
                watchers,
                issuers,
                verifiers,
                providers,
                coconut.verificationKey().toBytes(),
                params.toBytes(),
                funded);
        written.addAll(ledgerHomes().write(GenesisDoc.of(chainId, Instant.now(), parties)).stream()
                .map(p -> root.relativize(root.resolve("ledger").resolve(p)))
                .toList());
        written.add(publicFile("network.toml", size.toToml(chainId, seedDescription)));
        return written;
    }

    /**
     * Each authority's Ed25519 key for signing epoch documents ({@code authorities/authority-<i>/directory.key}, the
     * 32-byte seed as unpadded base64url, readable by Payara instance i only) and the public set every client and node
     * pins.
     */
    private AuthoritySet topologyAuthorities(List<Path> written) throws IOException {
        List<String> publicKeys = new ArrayList<>();
        for (int i = 1; i <= size.authorities(); i++) {
            String file = "authorities/authority-" + i + "/directory.key";
            byte[] seed = keys.bytes32(file);
            written.add(secretFile(file, Keys.encode(seed)));
            publicKeys.add(Ed25519Identity.fromSecret(seed).publicKeyText());
        }
        return new AuthoritySet(publicKeys, size.threshold(), size.epochSeconds());
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

    private Secp256k1.KeyPair secp256k1(String dir, String name, List<Path> written) throws IOException {
        byte[] secret = keys.bytes32(dir + name);
        Secp256k1.KeyPair pair = Secp256k1.KeyPair.of(secret);
        written.add(secretFile(dir + name + ".key", HexFormat.of().formatHex(secret)));
        return pair;
    }

    private Path publicFile(String relative, String content) throws IOException {
        return place(relative, content, false);
    }

    private Path secretFile(String relative, String content) throws IOException {
        return place(relative, content, true);
    }

    private Path place(String relative, String content, boolean secret) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        // a temporary file starts as owner-only; public material is made readable for the other components' users
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
        Files.writeString(tmp, content.endsWith("\n") ? content : content + "\n");
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return root.relativize(target);
    }
}
