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
public final class GatewayFixture {

    public static final long PACKET = SphinxParams.DEFAULT.packetSize();
    public static final byte[] CLIENT = id(1);

    public final Path dir;
    public final ScriptedLedger ledger = new ScriptedLedger();
    public final GatewayCredentials credentials;
    public final Secp256k1.KeyPair account = Secp256k1.KeyPair.fromSeed("gateway-1");
    public final BandwidthCounters counters = new BandwidthCounters();
    public Instant now = Instant.parse("2026-01-01T00:00:00Z");
    public SpendStore spends;
    public BandwidthBalances balances;
    public SpendDesk desk;
    public Redeemer redeemer;

    public GatewayFixture(Path dir) throws IOException, CoconutException {
        this(dir, Runnable::run);
    }

    public GatewayFixture(Path dir, Executor spendExecutor) throws IOException, CoconutException {
        this.dir = dir;
        credentials = new GatewayCredentials(ledger);
        open(spendExecutor);
    }

    /** (Re)opens the files as a gateway's start does (after a restart: the same folder). */
    public void open(Executor spendExecutor) throws IOException {
        spends = SpendStore.open(dir.resolve("spends"));
        balances = BandwidthBalances.open(dir.resolve("balances"), PACKET);
        GatewayBandwidth.creditUncredited(spends, balances);
        desk = new SpendDesk(ledger, account.address(), spends, balances, counters, spendExecutor, () -> {});
        desk.readParams();
        redeemer = new Redeemer(ledger, account, spends, balances, counters, Clock.fixed(now, ZoneOffset.UTC));
    }

    public void restart() throws IOException {
        balances.flush();
        open(Runnable::run);
    }

    /** One redeemer pass at {@link #now}. */
    public void redeem() {
        redeemer = new Redeemer(ledger, account, spends, balances, counters, Clock.fixed(now, ZoneOffset.UTC));
        redeemer.pass();
    }

    public byte[] binding() {
        return account.address();
    }

    public static byte[] id(int i) {
        byte[] id = new byte[32];
        id[0] = (byte) i;
        return id;
    }

    public static byte[] nonce(int i) {
        byte[] nonce = new byte[32];
        nonce[31] = (byte) i;
        return nonce;
    }
}
