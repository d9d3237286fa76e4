package nym.watcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import nym.ethereum.DepositId;
import nym.ethereum.DevelopmentKeys;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.watcher.application.DepositWatcher;
import nym.watcher.application.WatcherSettings;
import nym.watcher.domain.CursorKey;
import nym.watcher.domain.CursorRepository;
import nym.watcher.domain.WatchCursor;
import nym.watcher.domain.WatcherException;
import nym.watcher.infrastructure.ethereum.Web3jDepositChain;
import nym.watcher.infrastructure.persistence.jdbc.JdbcCursorRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Watchers against a real anvil, a real CometBFT validator with ledger-app and PostgreSQL (see {@link TestNetwork}): each test deploys
 * its own token (so its cursors are its own) and uses its own client account (so balances are its own).
 */
class DepositWatcherTest {

    private static final int DEPTH = 2;

    @TempDir
    static Path tmp;

    static TestNetwork net;
    static EthereumAccount reader;

    @BeforeAll
    static void start() throws Exception {
        net = TestNetwork.start(tmp);
        reader = net.deployer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    void deposit_thresholdOfWatchers_creditedExactlyOnce() throws Exception {
        NymToken token = net.freshToken(1);
        String client = DevelopmentKeys.account(1).getAddress();
        TransactionReceipt tx = deposit(1, token, 100);

        pollPast(net.watcher(1, token, DEPTH, reader), tx);
        pollPast(net.watcher(2, token, DEPTH, reader), tx);
        assertEquals(100, net.balance(client));

        pollPast(net.watcher(3, token, DEPTH, reader), tx); // after the threshold: nothing left to do, no error
        assertEquals(100, net.balance(client));
        JsonObject pipe = net.pipe(depositId(token, tx));
        assertTrue(pipe.getBoolean("settled"));
        assertEquals("100", pipe.getString("amount"));
        assertEquals(client, pipe.getString("recipient"));
    }

    @Test
    void deposit_belowThreshold_nothingCredited() throws Exception {
        NymToken token = net.freshToken(2);
        String client = DevelopmentKeys.account(2).getAddress();
        TransactionReceipt tx = deposit(2, token, 40);

        pollPast(net.watcher(1, token, DEPTH, reader), tx);

        assertEquals(0, net.balance(client));
        JsonObject pipe = net.pipe(depositId(token, tx));
        assertFalse(pipe.getBoolean("settled"));
        assertEquals(
                1,
                pipe.getJsonArray("outcomes")
                        .getJsonObject(0)
                        .getJsonArray("watchers")
                        .size());
    }

    @Test
    void transfer_plainIntoThePipe_namesNoOneAndIsNotCredited() throws Exception {
        NymToken token = net.freshToken(3);
        String client = DevelopmentKeys.account(3).getAddress();
        TransactionReceipt tx = transfer(3, token, TestNetwork.PIPE, 70);

        for (int w = 1; w <= 3; w++) {
            pollPast(net.watcher(w, token, DEPTH, reader), tx);
        }

        assertEquals(0, net.balance(client));
        assertNull(net.pipe(DepositId.of(
                TestNetwork.CHAIN_ID,
                token.getContractAddress(),
                tx.getTransactionHash(),
                tx.getLogs().get(0).getLogIndex())));
    }

    @Test
    void deposit_namingAnotherLedgerAccount_creditsThatAccountNotTheSender() throws Exception {
        NymToken token = net.freshToken(4);
        String sender = DevelopmentKeys.account(4).getAddress();
        String named = Hex.prefixed(
                Secp256k1.KeyPair.fromSeed("a ledger account of its own").address());
        TransactionReceipt tx;
        try (EthereumAccount account = net.client(4)) {
            tx = account.deposit(account.token(token.getContractAddress()), Hex.parse(named), BigInteger.valueOf(25));
        }

        pollPast(net.watcher(1, token, DEPTH, reader), tx);
        pollPast(net.watcher(2, token, DEPTH, reader), tx);

        assertEquals(25, net.balance(named));
        assertEquals(0, net.balance(sender));
        assertEquals(named, net.pipe(depositId(token, tx)).getString("recipient"));
    }

    @Test
    void deposit_idNamesChainAndToken_twoTokensNeverShareOne() throws Exception {
        NymToken first = net.freshToken(8);
        NymToken second = net.freshToken(8);
        TransactionReceipt a = deposit(8, first, 3);
        TransactionReceipt b = deposit(8, second, 3);

        byte[] idA = depositId(first, a);
        byte[] otherToken = DepositId.of(
                TestNetwork.CHAIN_ID,
                second.getContractAddress(),
                a.getTransactionHash(),
                depositLog(a).getLogIndex());

        assertFalse(Arrays.equals(idA, otherToken));
        assertFalse(Arrays.equals(idA, depositId(second, b)));
        assertEquals(
                TestNetwork.CHAIN_ID,
                reader.web3j().ethChainId().send().getChainId().longValueExact());
    }

    @Test
    void watcher_tokenPayingAnotherAccount_refusedAsMisconfigured() throws Exception {
        NymToken token = net.freshToken();

        WatcherException e = assertThrows(
                WatcherException.class,
                () -> Web3jDepositChain.paidInto(
                        reader.web3j(),
                        token.getContractAddress(),
                        DevelopmentKeys.account(9).getAddress()));

        assertEquals(WatcherException.Kind.CONFIGURATION, e.kind());
    }

    @Test
    void watcher_restartedMidStream_neitherSkipsNorDoubleCounts() throws Exception {
        NymToken token = net.freshToken(5);
        String client = DevelopmentKeys.account(5).getAddress();
        List<TransactionReceipt> deposits = new ArrayList<>();
        for (int amount = 1; amount <= 4; amount++) {
            deposits.add(deposit(5, token, amount));
        }
        // One block per step, and the first attempt to move the cursor past the second deposit's block fails:
        // a crash after the votes were committed and before the cursor moved.
        WatcherSettings oneBlock =
                new WatcherSettings(DEPTH, deposits.get(0).getBlockNumber().longValueExact(), 1);
        CrashingOnce crashing = new CrashingOnce(
                new JdbcCursorRepository(net.database),
                deposits.get(1).getBlockNumber().longValueExact() + 1);
        DepositWatcher first = net.watcher(1, token, oneBlock, reader, crashing);
        assertThrows(WatcherException.class, () -> pollPast(first, deposits.get(3)));
        assertTrue(crashing.crashed.get());

        DepositWatcher restarted = net.watcher(1, token, oneBlock, reader, new JdbcCursorRepository(net.database));
        pollPast(restarted, deposits.get(3));
        pollPast(net.watcher(2, token, oneBlock, reader, new JdbcCursorRepository(net.database)), deposits.get(3));

        assertEquals(1 + 2 + 3 + 4, net.balance(client));
        for (TransactionReceipt d : deposits) {
            JsonObject pipe = net.pipe(depositId(token, d));
            assertEquals(
                    2,
                    pipe.getJsonArray("outcomes")
                            .getJsonObject(0)
                            .getJsonArray("watchers")
                            .size(),
                    "one vote per watcher for " + d.getTransactionHash());
        }
    }

    @Test
    void reorganization_shallowerThanDepth_onlyTheSurvivingTransferCredited() throws Exception {
        NymToken token = net.freshToken(6);
        String client = DevelopmentKeys.account(6).getAddress();
        int depth = 4;
        DepositWatcher w1 = net.watcher(1, token, depth, reader);
        DepositWatcher w2 = net.watcher(2, token, depth, reader);
        w1.poll();
        w2.poll();
        String snapshot = anvil("evm_snapshot").getResult().toString();
        TransactionReceipt orphaned = deposit(6, token, 500);
        w1.poll(); // the block is not confirmed yet: nothing acted on
        w2.poll();
        assertTrue(anvil("evm_revert", snapshot).getResult() != null);

        TransactionReceipt kept = deposit(6, token, 30);
        pollPast(w1, kept);
        pollPast(w2, kept);

        assertEquals(30, net.balance(client));
        assertNull(net.pipe(depositId(token, orphaned)));
    }

    @Test
    void reorganization_deeperThanDepth_stopsTheWatcher() throws Exception {
        NymToken token = net.freshToken(7);
        DepositWatcher w1 = net.watcher(1, token, 1, reader);
        String snapshot = anvil("evm_snapshot").getResult().toString();
        TransactionReceipt tx = deposit(7, token, 5);
        pollPast(w1, tx);
        long done = w1.cursor().orElseThrow().nextBlock();
        anvil("evm_revert", snapshot);

        WatcherException e = assertThrows(WatcherException.class, () -> {
            while (true) {
                w1.poll();
                Thread.sleep(200);
            }
        });
        assertEquals(WatcherException.Kind.REORGANIZED_BELOW_DEPTH, e.kind());
        assertEquals(done, w1.cursor().orElseThrow().nextBlock(), "the cursor stays");
    }

    // ---------------------------------------------------------------- helpers

    private static TransactionReceipt transfer(int from, NymToken token, String to, long amount) throws Exception {
        try (EthereumAccount sender = net.client(from)) {
            return sender.transfer(sender.token(token.getContractAddress()), to, BigInteger.valueOf(amount));
        }
    }

    /** Polls until the watcher's cursor is past the block of {@code tx} (the chain mines every second). */
    private static void pollPast(DepositWatcher watcher, TransactionReceipt tx) throws Exception {
        long block = tx.getBlockNumber().longValueExact();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (watcher.cursor().map(WatchCursor::nextBlock).orElse(0L) <= block) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("watcher did not pass block " + block + ", at " + watcher.cursor());
            }
            if (watcher.poll() == 0) {
                Thread.sleep(200);
            }
        }
    }

    /** A deposit by anvil account {@code from} for its own ledger address (the same 20 bytes); waits until mined. */
    private static TransactionReceipt deposit(int from, NymToken token, long amount) throws Exception {
        try (EthereumAccount sender = net.client(from)) {
            return sender.deposit(
                    sender.token(token.getContractAddress()), Hex.parse(sender.address()), BigInteger.valueOf(amount));
        }
    }

    /** The {@code Deposit} log of a deposit's receipt (after the token's {@code Transfer} to the pipe). */
    private static Log depositLog(TransactionReceipt tx) {
        String topic = EventEncoder.encode(NymToken.DEPOSIT_EVENT);
        return tx.getLogs().stream()
                .filter(l -> l.getTopics().get(0).equals(topic))
                .findFirst()
                .orElseThrow();
    }

    /** The ledger's id of the deposit in {@code tx}: anvil's chain id, the token, the transaction, the log. */
    private static byte[] depositId(NymToken token, TransactionReceipt tx) {
        return DepositId.of(
                TestNetwork.CHAIN_ID,
                token.getContractAddress(),
                tx.getTransactionHash(),
                depositLog(tx).getLogIndex());
    }

    private static VoidResponseWithResult anvil(String method, Object... params) throws Exception {
        VoidResponseWithResult r = new Request<>(
                        method,
                        List.of(params),
                        new org.web3j.protocol.http.HttpService(net.anvil.url()),
                        VoidResponseWithResult.class)
                .send();
        if (r.hasError()) {
            throw new AssertionError(method + ": " + r.getError().getMessage());
        }
        return r;
    }

    /** Any JSON-RPC answer (anvil's test methods answer an id or a boolean). */
    public static class VoidResponseWithResult extends org.web3j.protocol.core.Response<Object> {}

    /** The real repository, except that the first move of the cursor to {@code crashAt} fails. */
    private static final class CrashingOnce implements CursorRepository {
        final CursorRepository real;
        final long crashAt;
        final AtomicBoolean crashed = new AtomicBoolean();

        CrashingOnce(CursorRepository real, long crashAt) {
            this.real = real;
            this.crashAt = crashAt;
        }

        @Override
        public Optional<WatchCursor> find(CursorKey key) {
            return real.find(key);
        }

        @Override
        public boolean advance(CursorKey key, Optional<WatchCursor> expected, WatchCursor next) {
            if (next.nextBlock() == crashAt && crashed.compareAndSet(false, true)) {
                throw new WatcherException(WatcherException.Kind.CURSOR_UNAVAILABLE, "simulated crash");
            }
            return real.advance(key, expected, next);
        }
    }
}
