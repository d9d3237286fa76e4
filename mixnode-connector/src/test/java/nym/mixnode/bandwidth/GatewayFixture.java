package nym.mixnode.bandwidth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import nym.coconut.CoconutException;
import nym.ledger.tx.Secp256k1;
import nym.sphinx.SphinxParams;

/**
 * A metered gateway's bandwidth parts on a folder, over a {@link ScriptedLedger} with real credentials: the spend
 * store, the balances, the desk (spends decided on the caller's thread unless another executor is given) and the
 * redeemer (driven by the test's {@link #redeem} calls and clock).
 */
final class GatewayFixture {

    static final long PACKET = SphinxParams.DEFAULT.packetSize();
    static final byte[] CLIENT = id(1);

    final Path dir;
    final ScriptedLedger ledger = new ScriptedLedger();
    final GatewayCredentials credentials;
    final Secp256k1.KeyPair account = Secp256k1.KeyPair.fromSeed("gateway-1");
    final BandwidthCounters counters = new BandwidthCounters();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    SpendStore spends;
    BandwidthBalances balances;
    SpendDesk desk;
    Redeemer redeemer;

    GatewayFixture(Path dir) throws IOException, CoconutException {
        this(dir, Runnable::run);
    }

    GatewayFixture(Path dir, Executor spendExecutor) throws IOException, CoconutException {
        this.dir = dir;
        credentials = new GatewayCredentials(ledger);
        open(spendExecutor);
    }

    /** (Re)opens the files as a gateway's start does (after a restart: the same folder). */
    void open(Executor spendExecutor) throws IOException {
        spends = SpendStore.open(dir.resolve("spends"));
        balances = BandwidthBalances.open(dir.resolve("balances"), PACKET);
        GatewayBandwidth.creditUncredited(spends, balances);
        desk = new SpendDesk(ledger, account.address(), spends, balances, counters, spendExecutor, () -> {});
        desk.readParams();
        redeemer = new Redeemer(ledger, account, spends, balances, counters, Clock.fixed(now, ZoneOffset.UTC));
    }

    void restart() throws IOException {
        balances.flush();
        open(Runnable::run);
    }

    /** One redeemer pass at {@link #now}. */
    void redeem() {
        redeemer = new Redeemer(ledger, account, spends, balances, counters, Clock.fixed(now, ZoneOffset.UTC));
        redeemer.pass();
    }

    byte[] binding() {
        return account.address();
    }

    static byte[] id(int i) {
        byte[] id = new byte[32];
        id[0] = (byte) i;
        return id;
    }

    static byte[] nonce(int i) {
        byte[] nonce = new byte[32];
        nonce[31] = (byte) i;
        return nonce;
    }
}
