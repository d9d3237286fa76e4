package nym.client.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import nym.client.ClientException;
import nym.ethereum.DepositId;
import nym.ethereum.DevelopmentKeys;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import nym.ethereum.devchain.Anvil;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** The credential flow's payment step against a real anvil (1 s blocks): a deposit naming the client's ledger account. */
class EthereumFundsTest {

    private static final String PIPE = "0x" + "7e".repeat(20);
    /** anvil's default chain id. */
    private static final long CHAIN_ID = 31337;

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

    /** A token paying {@code pipe}; the client (anvil account 3, whose key is also its ledger key) holds 1000. */
    private static String token(String pipe) throws Exception {
        try (EthereumAccount deployer = EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0))) {
            NymToken token = deployer.deployToken(BigInteger.valueOf(1_000_000), pipe);
            deployer.transfer(token, DevelopmentKeys.account(3).getAddress(), BigInteger.valueOf(1000));
            return token.getContractAddress();
        }
    }

    private static Secp256k1.KeyPair clientKey() {
        return Secp256k1.KeyPair.of(
                Numeric.toBytesPadded(DevelopmentKeys.account(3).getEcKeyPair().getPrivateKey(), 32));
    }

    private static EthereumFunds funds(String token, Secp256k1.KeyPair client) {
        return new EthereumFunds(new CredentialConfig.Ethereum(URI.create(anvil.url()), token), client);
    }

    @Test
    void deposit_namesTheClientsLedgerAddress_paysThePipeWithAnIdOfChainAndToken() throws Exception {
        String token = token(PIPE);
        Secp256k1.KeyPair client = clientKey();
        EthereumFunds.PipeTransfer paid;
        try (EthereumFunds funds =
                new EthereumFunds(new CredentialConfig.Ethereum(URI.create(anvil.url()), token), client)) {
            paid = funds.deposit(Hex.parse(PIPE), client.address(), 10);
            assertEquals(BigInteger.valueOf(990), funds.balance());
        }

        try (EthereumAccount reader = EthereumAccount.connect(anvil.url(), DevelopmentKeys.account(0))) {
            TransactionReceipt receipt = reader.awaitReceipt(paid.txHash());
            List<NymToken.DepositEventResponse> logs = NymToken.getDepositEvents(receipt);
            assertEquals(1, logs.size());
            assertArrayEquals(client.address(), logs.get(0).nymAddress, "the ledger account credited is named");
            assertEquals(BigInteger.TEN, logs.get(0).amount);
            assertArrayEquals(
                    DepositId.of(CHAIN_ID, token, paid.txHash(), logs.get(0).log.getLogIndex()), paid.depositId());
            assertEquals(BigInteger.TEN, reader.token(token).balanceOf(PIPE).send());
        }
    }

    @Test
    void deposit_tokenPayingAnotherAccount_refusedBeforePaying() throws Exception {
        String token = token("0x" + "5a".repeat(20));
        Secp256k1.KeyPair client = clientKey();
        try (EthereumFunds funds =
                new EthereumFunds(new CredentialConfig.Ethereum(URI.create(anvil.url()), token), client)) {
            ClientException e =
                    assertThrows(ClientException.class, () -> funds.deposit(Hex.parse(PIPE), client.address(), 10));

            assertTrue(e.getMessage().contains("not the ledger's pipe account"), e.getMessage());
            assertEquals(BigInteger.valueOf(1000), funds.balance(), "nothing paid");
        }
    }
}
