package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import nym.ethereum.DepositId;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import nym.ledger.tx.Secp256k1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The watchers in the EAR on the deployment group (instance i = authority i, watcher key of the test network tree):
 * anvil on a free port with the token deployed by {@code ethereum deploy} into the tree, 4 CometBFT validators of the tree's
 * genesis (watchers registered, threshold 2); a client's deposit into the pipe account is credited on the ledger
 * once, and each transfer of a multi-transfer transaction is credited.
 */
@Tag("group")
class WatcherGroupIT {

    private static final Duration CREDIT_WAIT = Duration.ofSeconds(120);
    /** anvil's default chain id: deposit ids name it. */
    private static final long ANVIL_CHAIN_ID = 31337;

    static LocalEthereum ethereum;
    static AuthorityGroup group;

    @BeforeAll
    static void deploy() throws Exception {
        group = AuthorityGroup.shared();
        ethereum = group.ethereum;
    }

    @Test
    void deposit_watchersOfTheGroup_creditTheClientOnce() throws Exception {
        Secp256k1.KeyPair client = group.key("clients/client-1/account.key");
        long before = balance(client.address());
        TransactionReceipt tx;
        try (EthereumAccount sender = clientAccount("clients/client-1/account.key")) {
            tx = sender.deposit(sender.token(ethereum.token), client.address(), BigInteger.valueOf(77));
        }

        awaitBalance(client.address(), before + 77);

        JsonNode record =
                pipeRecord(DepositId.of(ANVIL_CHAIN_ID, ethereum.token, tx.getTransactionHash(), depositLog(tx)));
        assertTrue(record.path("settled").asBoolean(), record.toString());
        Thread.sleep(5_000); // the third watcher's late vote changes nothing
        assertEquals(before + 77, balance(client.address()));
    }

    @Test
    void severalDeposits_eachCredited() throws Exception {
        Secp256k1.KeyPair client = group.key("clients/client-2/account.key");
        long before = balance(client.address());
        try (EthereumAccount sender = clientAccount("clients/client-2/account.key")) {
            for (long amount : List.of(1L, 10L, 100L)) {
                sender.deposit(sender.token(ethereum.token), client.address(), BigInteger.valueOf(amount));
            }
        }

        awaitBalance(client.address(), before + 111);
    }

    /** The index of the token's Deposit log in a deposit's receipt (the ERC20 Transfer log comes with it). */
    private static BigInteger depositLog(TransactionReceipt tx) {
        String topic = EventEncoder.encode(NymToken.DEPOSIT_EVENT);
        return tx.getLogs().stream()
                .filter(l -> !l.getTopics().isEmpty() && l.getTopics().get(0).equals(topic))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deposit log in " + tx.getTransactionHash()))
                .getLogIndex();
    }

    private static EthereumAccount clientAccount(String keyFile) throws Exception {
        return EthereumAccount.connect(
                ethereum.url(),
                Credentials.create(Files.readString(group.tree.resolve(keyFile)).strip()));
    }

    private static void awaitBalance(byte[] address, long expected) throws Exception {
        long end = System.nanoTime() + CREDIT_WAIT.toNanos();
        long now = balance(address);
        while (now != expected && System.nanoTime() < end) {
            Thread.sleep(500);
            now = balance(address);
        }
        assertEquals(expected, now, "ledger balance of the depositor");
    }

    private static long balance(byte[] address) throws Exception {
        JsonNode b = query("/balance", address);
        return b == null ? 0 : b.path("balance").asLong();
    }

    private static JsonNode pipeRecord(byte[] depositId) throws Exception {
        return query("/pipe", depositId);
    }

    private static JsonNode query(String path, byte[] data) throws Exception {
        JsonNode r = group.ledger.call(
                "abci_query",
                LedgerChain.JSON
                        .createObjectNode()
                        .put("path", path)
                        .put("data", HexFormat.of().formatHex(data)));
        String value = r.path("response").path("value").asText("");
        return value.isEmpty()
                ? null
                : LedgerChain.JSON.readTree(Base64.getDecoder().decode(value));
    }
}
