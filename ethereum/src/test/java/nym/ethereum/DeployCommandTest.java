package nym.ethereum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nym.ethereum.cli.EthereumCommand;
import nym.ethereum.contract.NymToken;
import nym.ethereum.devchain.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.utils.Numeric;
import picocli.CommandLine;

/** The deploy command and the token against a real anvil (block time 1 s, free port). */
class DeployCommandTest {

    private static final String CLIENT_1 = "1111111111111111111111111111111111111111111111111111111111111111";
    private static final String CLIENT_2 = "2222222222222222222222222222222222222222222222222222222222222222";
    /** The ledger's pipe account; no one needs its key here. */
    private static final String PIPE = "0x" + "7e".repeat(20);

    @TempDir
    static Path tmp;

    static Anvil anvil;

    @BeforeAll
    static void startAnvil() {
        anvil = Anvil.start(1, tmp.resolve("anvil.log"));
    }

    @AfterAll
    static void stopAnvil() {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void deploy_networkHome_fundsClientsAndWritesTokenAddress() throws Exception {
        Path home = tmp.resolve("network");
        writeKey(home.resolve("clients/client-1/account.key"), CLIENT_1);
        writeKey(home.resolve("clients/client-2/account.key"), CLIENT_2);
        Files.createDirectories(home.resolve("ethereum"));
        Files.writeString(home.resolve("ethereum/pipe.address"), PIPE + "\n");
        String extra = Keys.toChecksumAddress(
                Credentials.create(CLIENT_2.replace('2', '3')).getAddress());

        int exit = new CommandLine(new EthereumCommand())
                .execute(
                        "deploy",
                        "--rpc",
                        anvil.url(),
                        "--network-home",
                        home.toString(),
                        "--fund",
                        extra,
                        "--tokens",
                        "500",
                        "--ether",
                        "2");

        assertEquals(0, exit);
        String tokenAddress =
                Files.readString(home.resolve("ethereum/token.address")).trim();
        try (EthereumAccount deployer = EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0))) {
            NymToken token = deployer.token(tokenAddress);
            assertEquals(BigInteger.ZERO, token.decimals().send());
            assertEquals(PIPE, token.pipe().send(), "the tree's pipe account");
            for (String a : List.of(address(CLIENT_1), address(CLIENT_2), extra)) {
                assertEquals(BigInteger.valueOf(500), token.balanceOf(a).send(), a);
                assertEquals(
                        new BigInteger("2000000000000000000"),
                        deployer.web3j()
                                .ethGetBalance(a, DefaultBlockParameterName.LATEST)
                                .send()
                                .getBalance(),
                        a);
            }
            assertEquals(
                    BigInteger.valueOf(1_000_000_000_000L - 1500),
                    token.balanceOf(deployer.address()).send());
        }
    }

    @Test
    void transferMany_lengthsDiffer_revertsAndMovesNothing() throws Exception {
        try (EthereumAccount deployer = EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0))) {
            NymToken token = deployer.deployToken(BigInteger.valueOf(1000), PIPE);
            String to = address(CLIENT_1);

            assertThrows(
                    TransactionException.class,
                    () -> deployer.transferMany(token, List.of(to, to), List.of(BigInteger.ONE)));
            assertEquals(BigInteger.ZERO, token.balanceOf(to).send());
        }
    }

    @Test
    void deposit_namedLedgerAccount_paysThePipeAndEmitsDeposit() throws Exception {
        try (EthereumAccount deployer = EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0))) {
            NymToken token = deployer.deployToken(BigInteger.valueOf(1000), PIPE);
            byte[] nymAddress = Numeric.hexStringToByteArray(address(CLIENT_2));

            TransactionReceipt receipt = deployer.deposit(token, nymAddress, BigInteger.valueOf(40));

            assertEquals(BigInteger.valueOf(40), token.balanceOf(PIPE).send());
            List<NymToken.DepositEventResponse> deposits = NymToken.getDepositEvents(receipt);
            assertEquals(1, deposits.size());
            assertEquals(deployer.address(), deposits.get(0).from);
            assertArrayEquals(nymAddress, deposits.get(0).nymAddress);
            assertEquals(BigInteger.valueOf(40), deposits.get(0).amount);
            assertEquals(
                    EventEncoder.encode(NymToken.DEPOSIT_EVENT),
                    Hash.sha3String("Deposit(address,bytes20,uint256)"),
                    "the event signature watchers filter on");
        }
    }

    @Test
    void deposit_noLedgerAccount_revertsAndMovesNothing() throws Exception {
        try (EthereumAccount deployer = EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0))) {
            NymToken token = deployer.deployToken(BigInteger.valueOf(1000), PIPE);

            assertThrows(TransactionException.class, () -> deployer.deposit(token, new byte[20], BigInteger.ONE));
            assertEquals(BigInteger.ZERO, token.balanceOf(PIPE).send());
        }
    }

    @Test
    void developmentKeys_account0_isAnvilsFirstAccount() {
        // anvil prints this address as account (0) of the mnemonic "test test ... junk"
        assertEquals(
                "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
                DevelopmentKeys.account(0).getAddress());
        assertThrows(IllegalArgumentException.class, () -> DevelopmentKeys.account("test junk", 0));
    }

    private static String address(String key) {
        return Credentials.create(key).getAddress();
    }

    private static void writeKey(Path file, String hex) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, hex + "\n");
    }
}
