package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.RandomSource;
import nym.coconut.dkg.DkgKeyPair;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.ledger.tx.Secp256k1;

/**
 * Writes one authority's folder on the authority's own machine (localnet/README.md, "The network tree"): its six
 * secret keys, drawn from {@link SecureRandom} whatever seed the rest of the tree uses, and the public
 * {@code authority.toml} derived from them. A key file already there is kept (checked, never replaced), so running it
 * again only completes a folder; the trusted dealer's files of older trees are removed. Nothing here prints or throws
 * a secret's text.
 */
final class AuthorityInit {

    static final String DIRECTORY_KEY = "directory.key";
    static final String ISSUER_ACCOUNT_KEY = "issuer-account.key";
    static final String WATCHER_KEY = "watcher.key";
    static final String VERIFIER_KEY = "verifier.key";
    static final String DKG_KEY = "dkg.key";
    /** The ledger account of the authority's network monitor (it signs the monitor's reports; issue 21). */
    static final String MONITOR_KEY = "monitor.key";
    /** Said when {@link Result#monitorKeyAddedToOlderFolder()}. */
    static final String MONITOR_KEY_ADDED = MONITOR_KEY + " added: this authority's folder was written before issue 21"
            + " (no network monitor account); its other keys are kept";
    /** Every secret file of an authority's folder, mode 0600. */
    static final List<String> SECRET_FILES =
            List.of(DIRECTORY_KEY, ISSUER_ACCOUNT_KEY, WATCHER_KEY, VERIFIER_KEY, DKG_KEY, MONITOR_KEY);
    /** A trusted dealer's Coconut share and its public key (trees before issue 19); the DKG replaces both. */
    static final List<String> RETIRED_FILES = List.of("issuer.key", "issuer.vk");

    /** What {@link #init} did, by file name. */
    record Result(AuthorityRecord record, List<String> generated, List<String> kept, List<String> removed) {

        /** Whether this run gave a monitor key to a folder written before issue 21 (its other keys were kept). */
        boolean monitorKeyAddedToOlderFolder() {
            return generated.contains(MONITOR_KEY) && !kept.isEmpty();
        }
    }

    private final SecureRandom random;

    AuthorityInit(SecureRandom random) {
        this.random = random;
    }

    /** The folder of authority {@code index} at {@code dir}: missing keys generated, existing ones kept. */
    Result init(Path dir, int index) throws IOException {
        Files.createDirectories(dir);
        KeyFolder folder = new KeyFolder(dir);
        Ed25519Identity directory = folder.key(
                DIRECTORY_KEY,
                "an Ed25519 seed (32 bytes, unpadded base64url)",
                text -> Ed25519Identity.fromSecret(Keys.decode(text, Keys.SECRET_KEY_BYTES, DIRECTORY_KEY)),
                () -> Keys.encode(bytes32()));
        Secp256k1.KeyPair account = folder.secp256k1(ISSUER_ACCOUNT_KEY, this::bytes32);
        Secp256k1.KeyPair watcher = folder.secp256k1(WATCHER_KEY, this::bytes32);
        Secp256k1.KeyPair verifier = folder.secp256k1(VERIFIER_KEY, this::bytes32);
        DkgKeyPair dkg = folder.key(
                DKG_KEY,
                "a DKG secret key (64 hex digits)",
                DkgKeyPair::fromSecretText,
                () -> DkgKeyPair.generate(RandomSource.of(random)).secretText());
        Secp256k1.KeyPair monitor = folder.secp256k1(MONITOR_KEY, this::bytes32);
        List<String> removed = new ArrayList<>();
        for (String retired : RETIRED_FILES) {
            if (Files.deleteIfExists(dir.resolve(retired))) {
                removed.add(retired);
            }
        }
        AuthorityRecord record = new AuthorityRecord(
                index,
                account.address(),
                watcher.address(),
                verifier.address(),
                directory.publicKeyText(),
                dkg.publicKey(),
                monitor.address());
        KeyFiles.writePublic(dir.resolve(AuthorityRecord.FILE), record.toToml());
        return new Result(record, folder.generated(), folder.kept(), List.copyOf(removed));
    }

    private byte[] bytes32() {
        byte[] out = new byte[32];
        random.nextBytes(out);
        return out;
    }
}
