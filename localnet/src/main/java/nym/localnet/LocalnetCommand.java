package nym.localnet;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Helpers {@code localnet/bin/localnet} runs: database checks and the embedded PostgreSQL. */
@Command(
        name = "localnet",
        mixinStandardHelpOptions = true,
        description = "Database helpers for running the Nym network on one machine.",
        subcommands = {DatabaseCommand.class, EmbeddedPostgresCommand.class})
public final class LocalnetCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalnetCommand()).execute(args));
    }
}
