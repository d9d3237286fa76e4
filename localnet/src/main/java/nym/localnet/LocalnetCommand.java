package nym.localnet;

import nym.localnet.tree.NetworkTreeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Helpers {@code localnet/bin/localnet} runs: database checks, the embedded PostgreSQL, the network tree. */
@Command(
        name = "localnet",
        mixinStandardHelpOptions = true,
        description =
                "Helpers for running the Nym network on one machine: database, embedded PostgreSQL, network tree.",
        subcommands = {DatabaseCommand.class, EmbeddedPostgresCommand.class, NetworkTreeCommand.class})
public final class LocalnetCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalnetCommand()).execute(args));
    }
}
