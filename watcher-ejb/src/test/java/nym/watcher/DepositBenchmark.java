package nym.watcher;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import nym.ethereum.DepositId;
import nym.ethereum.DevelopmentKeys;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import nym.ledger.Hex;
import nym.watcher.application.DepositWatcher;
import nym.watcher.application.WatcherSettings;
import nym.watcher.domain.Deposit;
import nym.watcher.infrastructure.ledger.JcaPipeLedger;
import nym.watcher.infrastructure.persistence.jdbc.JdbcCursorRepository;

/**
 * Deposits per second from ERC20 transfer to ledger credit, on the local chain ({@link TestNetwork}: anvil with 1 s
 * blocks, a CometBFT validator with 200 ms blocks, PostgreSQL), three watchers at threshold 2 with the given depth. Baselines in the
 * same run: the Ethereum half alone (token transfers mined per second) and the ledger half alone (the same number
 * of deposits voted by two watchers directly, no chain). Run by bench/deposits.sh; not a test.
 *
 * <p>Arguments: deposits (default 300), senders (9: anvil's development accounts 1..9, which it funds with ETH),
 * confirmations (2).
 */
public final class DepositBenchmark {

    public static void main(String[] args) throws Exception {
        int deposits = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        if (senders < 1 || senders > 9) {
            throw new IllegalArgumentException("senders must be 1..9 (anvil funds development accounts 0..9 with ETH)");
        }
        int confirmations = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("nym-deposit-bench");
        try (TestNetwork net = TestNetwork.start(dir)) {
            double ethereumOnly = ethereumOnly(net, deposits, senders);
            double ledgerOnly = ledgerOnly(net, deposits);
            double endToEnd = endToEnd(net, deposits, senders, confirmations);
            System.out.printf(
                    "deposits %d, senders %d, confirmations %d%n"
                            + "baseline Ethereum only (ERC20 transfers mined): %.1f /s%n"
                            + "baseline ledger only (2 watchers' votes, credited): %.1f /s%n"
                            + "end to end (transfer -> confirmations -> 2 of 3 watchers -> credited): %.1f deposits/s%n",
                    deposits, senders, confirmations, ethereumOnly, ledgerOnly, endToEnd);
        }
    }

    /** Token transfers between senders (not into the pipe), sent at once, until all are mined. */
    private static double ethereumOnly(TestNetwork net, int n, int senders) throws Exception {
        NymToken token = fundedToken(net, senders);
        long t0 = System.nanoTime();
        String to = DevelopmentKeys.account(0).getAddress();
        sendAll(
                net,
                n,
                senders,
                sender -> sender.sendTransfer(sender.token(token.getContractAddress()), to, BigInteger.ONE));
        return n / seconds(t0);
    }

    /** Two watchers vote for n synthetic deposits straight on the ledger, until every one is credited. */
    private static double ledgerOnly(TestNetwork net, int n) throws Exception {
        List<Deposit> synthetic = new ArrayList<>();
        byte[] recipient = Hex.parse(DevelopmentKeys.account(19).getAddress());
        byte[] noToken = new byte[20]; // synthetic deposits of no token: ids apart from any real one
        for (int i = 0; i < n; i++) {
            String txHash = String.format("0x%064x", 0xbe9c4L + i);
            synthetic.add(new Deposit(
                    DepositId.of(TestNetwork.CHAIN_ID, noToken, Hex.parse(txHash), BigInteger.ZERO),
                    txHash,
                    BigInteger.ZERO,
                    1,
                    "0x00",
                    recipient,
                    recipient,
                    BigInteger.ONE));
        }
        long before = net.balance(DevelopmentKeys.account(19).getAddress());
        long t0 = System.nanoTime();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            var a = two.submit(() ->
                    new JcaPipeLedger(net.ledger, TestNetwork.WATCHERS[0], Duration.ofMinutes(5)).record(synthetic));
            var b = two.submit(() ->
                    new JcaPipeLedger(net.ledger, TestNetwork.WATCHERS[1], Duration.ofMinutes(5)).record(synthetic));
            a.get();
            b.get();
        } finally {
            two.shutdown();
        }
        if (net.balance(DevelopmentKeys.account(19).getAddress()) != before + n) {
            throw new IllegalStateException("ledger baseline: not every synthetic deposit was credited");
        }
        return n / seconds(t0);
    }

    /** n deposits from the senders (each for its own ledger account), three watchers running, until all are credited. */
    private static double endToEnd(TestNetwork net, int n, int senders, int confirmations) throws Exception {
        NymToken token = fundedToken(net, senders);
        long before = creditedSoFar(net, senders);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService watchers = Executors.newFixedThreadPool(3);
        List<EthereumAccount> readers = new ArrayList<>();
        try {
            for (int w = 1; w <= 3; w++) {
                EthereumAccount reader = net.deployer();
                readers.add(reader);
                DepositWatcher watcher = net.watcher(
                        w,
                        token,
                        new WatcherSettings(confirmations, 0, 1000),
                        reader,
                        new JdbcCursorRepository(net.database));
                watchers.submit(() -> {
                    while (running.get()) {
                        if (watcher.poll() == 0) {
                            Thread.sleep(200);
                        }
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            sendAll(
                    net,
                    n,
                    senders,
                    sender -> sender.sendDeposit(
                            sender.token(token.getContractAddress()), Hex.parse(sender.address()), BigInteger.ONE));
            while (creditedSoFar(net, senders) < before + n) {
                Thread.sleep(100);
            }
            return n / seconds(t0);
        } finally {
            running.set(false);
            watchers.shutdown();
            readers.forEach(EthereumAccount::close);
        }
    }

    /** A fresh token; anvil accounts 1..senders hold some of it. */
    private static NymToken fundedToken(TestNetwork net, int senders) throws Exception {
        int[] accounts = new int[senders];
        for (int i = 0; i < senders; i++) {
            accounts[i] = i + 1;
        }
        return net.freshToken(accounts);
    }

    /** One transaction a sender sends without waiting; its hash. */
    private interface Send {
        String by(EthereumAccount sender) throws Exception;
    }

    /** n transactions spread over the senders, all sent before any is awaited. */
    private static void sendAll(TestNetwork net, int n, int senders, Send send) throws Exception {
        List<EthereumAccount> accounts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try {
            for (int s = 1; s <= senders; s++) {
                accounts.add(net.client(s));
            }
            for (int i = 0; i < n; i++) {
                EthereumAccount sender = accounts.get(i % senders);
                hashes.add(send.by(sender));
            }
            for (int i = 0; i < n; i++) {
                accounts.get(i % senders).awaitReceipt(hashes.get(i));
            }
        } finally {
            accounts.forEach(EthereumAccount::close);
        }
    }

    private static long creditedSoFar(TestNetwork net, int senders) throws Exception {
        long sum = 0;
        for (int s = 1; s <= senders; s++) {
            sum += net.balance(DevelopmentKeys.account(s).getAddress());
        }
        return sum;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
