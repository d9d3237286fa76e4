package nym.monitor;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.client.ClientException;
import nym.client.cli.RunningClient;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;
import nym.client.runtime.MixnetClient;
import nym.credential.rpc.LedgerRpc;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.rpc.RpcTransactionLedger;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.monitor.config.MonitorConfig;

/**
 * A running monitor: one ordinary {@link MixnetClient} per gateway (each from its own client home, registered and
 * paying at its gateway, with the document's rates and the client's route selection), whose loop outcomes feed
 * {@link LoopOutcomes}; at the end of each epoch's measurement window an {@link EpochReporter} turns them into a signed
 * {@code MonitorReport}. The clients send exactly what any client sends: the monitor only listens to their loops.
 */
public final class NetworkMonitor implements AutoCloseable {

    /** How long one ledger RPC may take (broadcast_tx_commit waits for the block). */
    static final Duration LEDGER_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(NetworkMonitor.class.getName());

    private final EpochSchedule schedule;
    private final EpochReporter reporter;
    private final List<MixnetClient> clients;
    private final ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nym-monitor-report");
        t.setDaemon(true);
        return t;
    });

    private NetworkMonitor(EpochSchedule schedule, EpochReporter reporter, List<MixnetClient> clients) {
        this.schedule = schedule;
        this.reporter = reporter;
        this.clients = clients;
    }

    /**
     * Starts the clients (one that cannot start, e.g. its gateway is down, is logged and left out: only its gateway
     * goes unmeasured), then the reports; throws when none starts.
     */
    public static NetworkMonitor start(MonitorConfig config) {
        Secp256k1.KeyPair key = MonitorKey.read(config.key());
        EpochSchedule schedule = EpochSchedule.of(epochSeconds(config), longestLoopTimeout(config));
        LedgerRpc rpc = new LedgerRpc(config.ledgerNodes(), LEDGER_TIMEOUT);
        checkRegistered(rpc, key);
        LoopOutcomes outcomes = new LoopOutcomes(schedule);
        List<MixnetClient> clients = new ArrayList<>();
        for (int i = 0; i < config.clientHomes().size(); i++) {
            Path folder = config.clientHomes().get(i);
            try {
                ClientHome home = new ClientHome(folder);
                ClientConfig clientConfig = home.readConfig();
                clients.add(MixnetClient.start(
                        clientConfig,
                        home.readKeys(),
                        RunningClient.payer(home, clientConfig.gateway().identityKey(), LOG::info),
                        outcomes.listenerFor(i)));
            } catch (ClientException e) {
                // one gateway down must not stop the measurement of the rest; its own gateway goes unmeasured
                LOG.warning("client " + folder.getFileName() + " not started, its gateway is not measured: "
                        + e.getMessage());
            }
        }
        if (clients.isEmpty()) {
            throw new MonitorException("no client could start: nothing to measure with");
        }
        EpochReporter reporter = new EpochReporter(
                schedule,
                outcomes,
                new ReliabilityEstimator(config.minSamples()),
                new ReportSubmitter(
                        new RpcTransactionLedger(rpc),
                        key,
                        d -> Thread.sleep(d.toMillis()),
                        System::currentTimeMillis));
        NetworkMonitor monitor = new NetworkMonitor(schedule, reporter, List.copyOf(clients));
        monitor.scheduleNextReport();
        return monitor;
    }

    public EpochSchedule schedule() {
        return schedule;
    }

    public int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        reports.shutdownNow();
        clients.forEach(MixnetClient::close);
    }

    private void scheduleNextReport() {
        long now = System.currentTimeMillis();
        long epoch = schedule.nextReportEpoch(now);
        reports.schedule(() -> reportAndContinue(epoch), schedule.reportAt(epoch) - now, TimeUnit.MILLISECONDS);
    }

    private void reportAndContinue(long epoch) {
        try {
            LOG.info(reporter.report(epoch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "epoch " + epoch + ": report failed", e);
        }
        scheduleNextReport();
    }

    private static long epochSeconds(MonitorConfig config) {
        try {
            return AuthoritySet.load(config.authorities()).epochSeconds();
        } catch (IOException | DirectoryException e) {
            throw new MonitorException(
                    "cannot read the authorities " + config.authorities() + ": " + e.getMessage(), e);
        }
    }

    /** The clients' loop timeout (they are written with the same default; the longest if one was changed). */
    private static Duration longestLoopTimeout(MonitorConfig config) {
        return config.clientHomes().stream()
                .map(h -> new ClientHome(h).readConfig().traffic().loopTimeout())
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /** Warns (does not stop) when the ledger would refuse the reports: no stake on the chain, or not a monitor. */
    private static void checkRegistered(LedgerRpc rpc, Secp256k1.KeyPair key) {
        String address = Hex.prefixed(key.address());
        try {
            JsonObject params = rpc.query("/params", new byte[0]).orElse(JsonValue.EMPTY_JSON_OBJECT);
            JsonValue stake = params.get("stake");
            if (!(stake instanceof JsonObject s)) {
                LOG.warning("the ledger has no stake parameters: it will refuse this monitor's reports");
                return;
            }
            JsonArray monitors = s.getJsonArray("monitors");
            boolean listed = monitors != null
                    && monitors.stream()
                            .anyMatch(m ->
                                    m instanceof JsonString js && js.getString().equals(address));
            if (!listed) {
                LOG.warning("ledger account " + address + " is not in the chain's stake.monitors: its reports will be"
                        + " refused");
            }
        } catch (LedgerRpcException e) {
            LOG.warning("cannot check the ledger's stake.monitors now: " + e.getMessage());
        }
    }
}
