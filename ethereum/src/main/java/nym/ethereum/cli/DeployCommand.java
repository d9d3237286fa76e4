package nym.ethereum.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import nym.ethereum.DevelopmentKeys;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Convert;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Deploys NymToken from the development mnemonic's first account, funds accounts with tokens and ether for gas,
 * and writes the token's address into the network tree ({@code <network home>/ethereum/token.address}), where the
 * watchers read it. Accounts funded: every {@code clients/client-<k>/account.key} of the network tree and every
 * {@code --fund} address.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy NymToken and fund test accounts.")
public final class DeployCommand implements Callable<Integer> {

    @Option(names = "--rpc", description = "Ethereum JSON-RPC URL (default: ${DEFAULT-VALUE})")
    String rpc = "http://127.0.0.1:8545";

    @Option(names = "--mnemonic", description = "deployer = account 0 of this mnemonic (default: the development one)")
    String mnemonic = DevelopmentKeys.MNEMONIC;

    @Option(names = "--supply", description = "tokens minted to the deployer (default: ${DEFAULT-VALUE})")
    BigInteger supply = BigInteger.valueOf(1_000_000_000_000L);

    @Option(names = "--network-home", description = "network tree: funds its clients, writes ethereum/token.address")
    Path networkHome;

    @Option(
            names = "--pipe",
            description = "the ledger's pipe account deposits are paid into (default: the network tree's"
                    + " ethereum/pipe.address)")
    String pipe;

    @Option(names = "--fund", description = "further address to fund (repeatable)")
    List<String> extra = new ArrayList<>();

    @Option(names = "--tokens", description = "NYM per funded account (default: ${DEFAULT-VALUE})")
    BigInteger tokens = BigInteger.valueOf(1_000_000);

    @Option(names = "--ether", description = "ETH per funded account, for gas (default: ${DEFAULT-VALUE})")
    BigInteger ether = BigInteger.TEN;

    @Override
    public Integer call() throws Exception {
        Map<String, String> named = clientAccounts();
        extra.forEach(a -> named.put(a, "--fund"));
        List<String> accounts = new ArrayList<>(named.keySet());
        try (EthereumAccount deployer = EthereumAccount.connect(rpc, DevelopmentKeys.account(mnemonic, 0))) {
            String pipeAccount = pipeAccount();
            NymToken token = deployer.deployToken(supply, pipeAccount);
            String address = token.getContractAddress();
            System.out.println("NymToken " + address + " (deployer " + deployer.address() + ", supply " + supply
                    + ", pipe " + pipeAccount + ")");
            if (!accounts.isEmpty()) {
                deployer.transferMany(
                        token, accounts, accounts.stream().map(a -> tokens).toList());
                for (String a : accounts) {
                    deployer.sendEther(
                            a,
                            Convert.toWei(new java.math.BigDecimal(ether), Convert.Unit.ETHER)
                                    .toBigIntegerExact());
                    System.out.println("funded " + named.get(a) + " " + a + ": " + tokens + " NYM, " + ether + " ETH");
                }
            }
            if (networkHome != null) {
                Path file = networkHome.resolve("ethereum/token.address");
                Files.createDirectories(file.getParent());
                Files.writeString(file, address + "\n");
                System.out.println("wrote " + file);
            }
        }
        return 0;
    }

    /** {@code --pipe}, else the tree's {@code ethereum/pipe.address}: deposits must reach the ledger's pipe. */
    private String pipeAccount() throws IOException {
        if (pipe != null) {
            return pipe;
        }
        Path file = networkHome == null ? null : networkHome.resolve("ethereum/pipe.address");
        if (file == null || !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "no pipe account: give --pipe or a --network-home with ethereum/pipe.address");
        }
        return Files.readString(file).trim();
    }

    /** Address to client folder name of every {@code clients/client-<k>/account.key} of the tree, in folder order. */
    private Map<String, String> clientAccounts() throws IOException {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (networkHome == null || !Files.isDirectory(networkHome.resolve("clients"))) {
            return addresses;
        }
        try (Stream<Path> clients = Files.list(networkHome.resolve("clients"))) {
            for (Path client : clients.sorted().toList()) {
                Path key = client.resolve("account.key");
                if (Files.isRegularFile(key)) {
                    String address =
                            Credentials.create(Files.readString(key).trim()).getAddress();
                    addresses.put(address, client.getFileName().toString());
                }
            }
            return addresses;
        }
    }
}
