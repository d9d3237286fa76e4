package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nym.directory.api.AuthoritySet;

/**
 * The network home of Payara instance i (its {@code nym.network.home}; payara-config writes it at every setup, deploy
 * and start): a copy of the tree's public files and of authority i's folder, nothing else (its monitor's key included:
 * the authority's network monitor runs beside the instance). No other authority's secret, no client, no ledger home,
 * no pipe key, no node operator's key, nothing of a mix node or a gateway (a gateway's ledger account is
 * the gateway's own: gateways are not authorities). The providers' folders, secret key included, go to every
 * instance: provider-war serves every provider of the tree on every instance (a provider is not an authority). Files the tree
 * no longer has, or that an earlier copy held, are removed, so a home never keeps a stale key.
 */
final class InstanceHome {

    /** The tree's public files every instance reads. */
    static final List<String> PUBLIC_FILES =
            List.of("network.toml", "coconut/parameters", AuthoritySet.TREE_FILE, "ethereum/pipe.address");
    /** Written into the tree by {@code ethereum deploy} after the tree itself (localnet: when anvil starts). */
    static final List<String> LATER_PUBLIC_FILES = List.of("ethereum/token.address");

    private static final Pattern AUTHORITY = Pattern.compile("authority-[1-9][0-9]*");
    private static final Pattern PROVIDER = Pattern.compile("provider-[1-9][0-9]*");

    private final Path tree;
    private final Path home;
    private final Set<Path> copied = new HashSet<>();

    private InstanceHome(Path tree, Path home) {
        this.tree = tree;
        this.home = home;
    }

    /**
     * Writes (or refreshes) the home of authority {@code index} at {@code home} from the network tree {@code tree};
     * returns the files it holds, relative to it, sorted.
     */
    static List<Path> write(Path tree, int index, Path home) throws IOException {
        return new InstanceHome(tree, home).write(index);
    }

    private List<Path> write(int index) throws IOException {
        if (!Files.isRegularFile(tree.resolve("network.toml"))) {
            throw new IllegalStateException(tree + " is not a network tree (no network.toml): make localnet-build");
        }
        String own = NetworkTree.authorityFolder(index);
        if (!Files.isDirectory(tree.resolve(own))) {
            throw new IllegalStateException(tree + " has no authority " + index + " (" + own + ")");
        }
        if (!Files.exists(tree.resolve(own).resolve(AuthorityInit.DKG_KEY))) {
            throw new IllegalStateException(tree + " was built before issue 19 (no " + own + AuthorityInit.DKG_KEY
                    + "): write it again with make localnet-build");
        }
        if (!Files.exists(tree.resolve(own).resolve(AuthorityInit.MONITOR_KEY))) {
            throw new IllegalStateException(tree + " was built before issue 21 (no " + own + AuthorityInit.MONITOR_KEY
                    + "): write it again with make localnet-build");
        }
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        for (String file : PUBLIC_FILES) {
            copy(file, false);
        }
        for (String file : LATER_PUBLIC_FILES) {
            if (Files.exists(tree.resolve(file))) {
                copy(file, false);
            }
        }
        for (Path authority : folders("authorities", AUTHORITY)) {
            copy("authorities/" + authority.getFileName() + "/" + AuthorityRecord.FILE, false);
        }
        for (String secret : AuthorityInit.SECRET_FILES) {
            copy(own + secret, true);
        }
        for (Path provider : folders("providers", PROVIDER)) {
            String dir = "providers/" + provider.getFileName() + "/";
            copy(dir + LedgerAccount.PROVIDER.keyFile(), true);
            copy(dir + LedgerAccount.PROVIDER.addressFile(), false);
        }
        removeEverythingElse();
        return copied.stream().sorted().toList();
    }

    private void copy(String relative, boolean secret) throws IOException {
        Path source = tree.resolve(relative);
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException(source + " is missing: the tree is incomplete (make localnet-build)");
        }
        KeyFiles.copy(source, home.resolve(relative), secret);
        copied.add(Path.of(relative));
    }

    private List<Path> folders(String parent, Pattern name) throws IOException {
        Path dir = tree.resolve(parent);
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return folders;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)
                        && name.matcher(entry.getFileName().toString()).matches()) {
                    folders.add(entry);
                }
            }
        }
        return folders;
    }

    /** Whatever an earlier copy left that this one did not write: files first, then the folders they emptied. */
    private void removeEverythingElse() throws IOException {
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(home)) {
            stale = walk.filter(p -> !p.equals(home))
                    .filter(p -> Files.isDirectory(p) || !copied.contains(home.relativize(p)))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path p : stale) {
            if (!Files.isDirectory(p)) {
                Files.delete(p);
            } else if (isEmpty(p)) {
                Files.delete(p);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
