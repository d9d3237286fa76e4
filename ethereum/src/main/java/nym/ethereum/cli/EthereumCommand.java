package nym.ethereum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ethereum}: development commands for the NYM token on a local chain. */
@Command(
        name = "ethereum",
        mixinStandardHelpOptions = true,
        subcommands = {DeployCommand.class},
        description = "The NYM ERC20 token on a local Ethereum chain (development).")
public final class EthereumCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new EthereumCommand()).execute(args));
    }
}
