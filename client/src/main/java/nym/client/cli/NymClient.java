package nym.client.cli;

import nym.client.ClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nymclient}: the Nym mixnet client. Every subcommand is registered in the one list below; credential commands
 * ({@code nym.client.credential}) join it there.
 */
@Command(
        name = "nymclient",
        mixinStandardHelpOptions = true,
        version = "nymclient 0.1.0",
        description = "Nym mixnet client: Sphinx packets over a layered route, cover traffic, a local WebSocket API.",
        subcommands = {
            InitCommand.class,
            RunCommand.class,
            SendCommand.class,
            nym.client.credential.cli.CredentialCommand.class,
            nym.client.credential.cli.DemoCommand.class,
        })
public final class NymClient {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a {@link ClientException} prints its kind and exits with 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NymClient());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ClientException ce) {
                cmd.getErr().println("error (" + ce.kind() + "): " + ce.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }
}
