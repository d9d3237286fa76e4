package nym.localnet.tree;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code localnet.jar instance-home}: the network home of one Payara instance (payara-config runs it). */
@Command(
        name = "instance-home",
        mixinStandardHelpOptions = true,
        description = "Copy the network tree's public files and authority i's folder, nothing else, into an instance's"
                + " home (refreshing an earlier copy).")
public final class InstanceHomeCommand implements Callable<Integer> {

    private static final List<String> TREE_FOLDERS = List.of(
            "authorities",
            "providers",
            "clients",
            "coconut",
            "directory",
            "ethereum",
            "ledger",
            "mixnodes",
            "gateways");

    @Spec
    CommandSpec spec;

    @Option(names = "--tree", required = true, description = "The network tree (e.g. build).")
    Path tree;

    @Option(names = "--index", required = true, description = "The authority the instance is (nym.authority.index).")
    int index;

    @Option(names = "--out", required = true, description = "The instance's home, its nym.network.home.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (index < 1 || index > NetworkSize.MAX_AUTHORITIES) {
            throw new ParameterException(spec.commandLine(), "--index must be 1.." + NetworkSize.MAX_AUTHORITIES);
        }
        Path home = out.toAbsolutePath().normalize();
        Path root = tree.toAbsolutePath().normalize();
        // localnet's build folder is both the tree and where Payara lives, so a home may be inside it, just not in or
        // above what the tree is made of (a refresh removes whatever a home holds besides its copies)
        if (root.startsWith(home) || TREE_FOLDERS.stream().anyMatch(f -> home.startsWith(root.resolve(f)))) {
            throw new ParameterException(spec.commandLine(), "--out must not hold the tree nor be one of its folders");
        }
        List<Path> files = InstanceHome.write(tree, index, out);
        System.out.printf(
                "home of authority %d in %s: %d files (authority %d's keys and the tree's public files)%n",
                index, out, files.size(), index);
        return 0;
    }
}
