package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import nym.ethereum.cli.EthereumCommand;
import nym.ethereum.devchain.Anvil;
import picocli.CommandLine;

/**
 * anvil on a free port (1 s blocks) with NymToken deployed by {@code ethereum deploy} into the test network tree (the
 * tree's clients funded, {@code ethereum/token.address} written), and every instance of the group pointed at it
 * ({@code nym.watcher.ethereum-url}, confirmations). {@link AuthorityGroup#shared} creates it before the deploy, which
 * restarts the instances with these properties.
 */
final class LocalEthereum implements AutoCloseable {

    final Anvil anvil;
    final String token;

    private LocalEthereum(Anvil anvil, String token) {
        this.anvil = anvil;
        this.token = token;
    }

    static LocalEthereum forGroup(int confirmations) throws Exception {
        Path tree = Path.of(System.getenv("NYM_NETWORK_HOME"));
        Anvil anvil = Anvil.start(1, Files.createTempDirectory("nym-it-anvil").resolve("anvil.log"));
        try {
            assertEquals(
                    0,
                    new CommandLine(new EthereumCommand())
                            .execute("deploy", "--rpc", anvil.url(), "--network-home", tree.toString()),
                    "ethereum deploy");
            for (int i = 1; i <= TestEnvironment.instances(); i++) {
                PayaraScript.run(
                        "asadmin",
                        "create-system-properties",
                        "--target",
                        AuthorityGroup.instanceName(i),
                        ("nym.watcher.ethereum-url=" + anvil.url()).replace(":", "\\:") + ":nym.watcher.confirmations="
                                + confirmations);
            }
            return new LocalEthereum(
                    anvil,
                    Files.readString(tree.resolve("ethereum/token.address")).strip());
        } catch (Exception | Error e) {
            anvil.close();
            throw e;
        }
    }

    String url() {
        return anvil.url();
    }

    @Override
    public void close() {
        anvil.close();
    }
}
