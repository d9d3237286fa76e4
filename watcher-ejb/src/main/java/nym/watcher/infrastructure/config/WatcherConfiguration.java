package nym.watcher.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.watcher.application.DepositWatcher;
import nym.watcher.application.WatcherSettings;
import nym.watcher.domain.WatcherException;
import nym.watcher.infrastructure.ethereum.Web3jDepositChain;
import nym.watcher.infrastructure.ledger.JcaPipeLedger;
import nym.watcher.infrastructure.persistence.jdbc.JdbcCursorRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.web3j.protocol.Web3j;

/** The watcher's settings (MicroProfile Config; table in watcher-ejb/README.md) and its assembly from them. */
@ApplicationScoped
public class WatcherConfiguration {

    @Inject
    @ConfigProperty(name = "nym.authority.index", defaultValue = "0")
    int authority;

    @Inject
    @ConfigProperty(name = "nym.network.home")
    Optional<String> networkHome;

    @Inject
    @ConfigProperty(name = "nym.watcher.ethereum-url", defaultValue = "http://127.0.0.1:8545")
    String ethereumUrl;

    @Inject
    @ConfigProperty(name = "nym.watcher.confirmations", defaultValue = "3")
    int confirmations;

    @Inject
    @ConfigProperty(name = "nym.watcher.poll-millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "nym.watcher.start-block", defaultValue = "0")
    long startBlock;

    @Inject
    @ConfigProperty(name = "nym.watcher.max-blocks-per-poll", defaultValue = "1000")
    int maxBlocksPerPoll;

    @Inject
    @ConfigProperty(name = "nym.watcher.commit-timeout-millis", defaultValue = "30000")
    long commitTimeoutMillis;

    /** Why this instance runs no watcher, or empty when it has an authority index and a network tree. */
    public Optional<String> idleReason() {
        if (authority <= 0) {
            return Optional.of("no authority index (nym.authority.index)");
        }
        if (networkHome.isEmpty()) {
            return Optional.of("no network tree (nym.network.home unset)");
        }
        return Optional.empty();
    }

    /**
     * Reads what the watcher needs before the token is deployed: its key and the pipe account.
     *
     * @throws WatcherException of kind {@code CONFIGURATION} when the tree lacks them or they are malformed
     */
    public void verify() {
        NetworkTree tree = new NetworkTree(Path.of(networkHome.orElseThrow()));
        tree.watcherKey(authority);
        tree.pipeAddress();
    }

    public int authority() {
        return authority;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(pollMillis);
    }

    public Web3j ethereum() {
        return Web3j.build(new org.web3j.protocol.http.HttpService(ethereumUrl));
    }

    /**
     * The watcher of this authority, or empty while the token is not deployed yet ({@code ethereum/token.address}
     * absent).
     */
    public Optional<DepositWatcher> assemble(Web3j ethereum, LedgerConnectionFactory ledger, DataSource database) {
        NetworkTree tree = new NetworkTree(Path.of(networkHome.orElseThrow()));
        return tree.tokenAddress()
                .map(token -> new DepositWatcher(
                        Web3jDepositChain.paidInto(ethereum, token, tree.pipeAddress()),
                        new JcaPipeLedger(ledger, tree.watcherKey(authority), Duration.ofMillis(commitTimeoutMillis)),
                        new JdbcCursorRepository(database),
                        new WatcherSettings(confirmations, startBlock, maxBlocksPerPoll),
                        token));
    }

    @Override
    public String toString() {
        return "authority " + authority + ", network tree " + networkHome.orElse("-") + ", Ethereum " + ethereumUrl
                + ", " + confirmations + " confirmations, poll every " + pollMillis + " ms, start block " + startBlock;
    }
}
