package nym.monitor.cli;

import nym.client.ClientException;
import nym.monitor.MonitorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nym-monitor}: an authority's network monitor. */
@Command(
        name = "nym-monitor",
        mixinStandardHelpOptions = true,
        version = "nym-monitor 0.1.0",
        description = "Network monitor: test loops through every node, one signed performance report per epoch.",
        subcommands = {InitCommand.class, RunCommand.class})
public final class NymMonitor {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a refusal prints its reason and exits with 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NymMonitor());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof MonitorException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof ClientException ce) {
                cmd.getErr().println("error (" + ce.kind() + "): " + ce.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }
}
