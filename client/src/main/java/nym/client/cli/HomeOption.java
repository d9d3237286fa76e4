package nym.client.cli;

import java.nio.file.Path;
import nym.client.config.ClientHome;
import picocli.CommandLine.Option;

/** {@code --id} and {@code --home}, shared by every subcommand that works on a client's home folder. */
public final class HomeOption {

    @Option(
            names = "--id",
            defaultValue = "default",
            description = "Client name; the home folder is ~/.nym/clients/<id> unless --home is given"
                    + " (default: ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--home", description = "Home folder (config.toml, keys).")
    Path home;

    public ClientHome home() {
        return new ClientHome(home != null ? home : ClientHome.defaultFolder(id));
    }

    /** The client name: {@code --id}, or the home folder's name when only {@code --home} is given. */
    public String id() {
        return home != null && "default".equals(id)
                ? home.toAbsolutePath().normalize().getFileName().toString()
                : id;
    }
}
