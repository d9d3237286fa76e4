package nym.localnet.tree;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code localnet.jar authority-init}: an authority's operator writes its folder on its own machine and hands only
 * {@code authority.toml} to whoever writes the genesis.
 */
@Command(
        name = "authority-init",
        mixinStandardHelpOptions = true,
        description =
                "Write an authority's secret keys (kept when present) and its public authority.toml into a folder.")
public final class AuthorityInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            required = true,
            description = "The authority's folder (e.g. build/authorities/authority-1).")
    Path dir;

    @Option(
            names = "--index",
            required = true,
            description = "The authority's index i (1..n): instance i of the group.")
    int index;

    @Override
    public Integer call() throws Exception {
        if (index < 1 || index > NetworkSize.MAX_AUTHORITIES) {
            throw new ParameterException(spec.commandLine(), "--index must be 1.." + NetworkSize.MAX_AUTHORITIES);
        }
        AuthorityInit.Result result = new AuthorityInit(new SecureRandom()).init(dir, index);
        System.out.printf("authority %d in %s%n", index, dir);
        result.generated().forEach(f -> System.out.println("  generated " + f + " (secret, owner only)"));
        if (result.monitorKeyAddedToOlderFolder()) {
            System.out.println("  " + AuthorityInit.MONITOR_KEY_ADDED);
        }
        result.kept().forEach(f -> System.out.println("  kept      " + f));
        result.removed()
                .forEach(f -> System.out.println("  removed   " + f + " (a trusted dealer's, replaced by the DKG)"));
        System.out.println("  wrote     " + AuthorityRecord.FILE + " (public: hand it to whoever writes the genesis)");
        return 0;
    }
}
