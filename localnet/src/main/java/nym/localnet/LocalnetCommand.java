package nym.localnet;

import nym.localnet.tree.AuthorityInitCommand;
import nym.localnet.tree.InstanceHomeCommand;
import nym.localnet.tree.NetworkTreeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Helpers {@code localnet/bin/localnet} and payara-config run: database checks, the embedded PostgreSQL, the network
 * tree, an authority's keys, an instance's home.
 */
@Command(
        name = "localnet",
        mixinStandardHelpOptions = true,
        description = "Helpers for running the Nym network on one machine: database, embedded PostgreSQL, network tree,"
                + " an authority's keys, an instance's home.",
        subcommands = {
            DatabaseCommand.class,
            EmbeddedPostgresCommand.class,
            NetworkTreeCommand.class,
            AuthorityInitCommand.class,
            InstanceHomeCommand.class
        })
public final class LocalnetCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalnetCommand()).execute(args));
    }
}
