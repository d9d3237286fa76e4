package nym.mixnode.bandwidth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import nym.coconut.CoconutException;
import nym.credential.testing.DealerCredentials;
import nym.credential.testing.DealerCredentials.Credential;
import nym.gateway.api.SpendCredential;
import nym.ledger.tx.Secp256k1;
import nym.sphinx.SphinxParams;

/**
 * A metered gateway's bandwidth parts on a folder, over a {@link ScriptedLedger} with real credentials: the spend
 * store, the balances, the desk (spends decided on the caller's thread unless another executor is given) and the
 * redeemer (driven by the test's {@link #redeem} calls and clock). The dealer's key epochs 1 and {@link #KEY_EPOCH}
 * have completed on the ledger.
 */
public final class GatewayFixture {

    public static final long PACKET = SphinxParams.DEFAULT.packetSize();
    public static final byte[] CLIENT = id(1);
    /** The key epoch every credential here is issued in: the latest completed one. */
    public static final long KEY_EPOCH = 2;

    public final Path dir;
    public final ScriptedLedger ledger = new ScriptedLedger();
    public final DealerCredentials dealer = new DealerCredentials(11, 1, KEY_EPOCH);
    public final Secp256k1.KeyPair account = Secp256k1.KeyPair.fromSeed("gateway-1");
    public final BandwidthCounters counters = new BandwidthCounters();
    public Instant now = Instant.parse("2026-01-01T00:00:00Z");
    public SpendStore spends;
    public BandwidthBalances balances;
    public SpendDesk desk;
    public Redeemer redeemer;

    public GatewayFixture(Path dir) throws IOException {
        this(dir, Runnable::run);
    }

    public GatewayFixture(Path dir, Executor spendExecutor) throws IOException {
        this.dir = dir;
        ledger.coconut = dealer.params;
        dealer.publish(ledger.keyEpochs);
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

    /** A credential of {@code value} issued in {@link #KEY_EPOCH}. */
    public Credential issue(int value) throws CoconutException {
        return dealer.issue(KEY_EPOCH, value);
    }

    /** The client's SpendCredential: {@code c} shown for {@code binding} and {@code nonce}, claiming {@code value}. */
    public SpendCredential spend(Credential c, byte[] binding, byte[] nonce, long value) throws CoconutException {
        return new SpendCredential(
                c.keyEpoch(), value, nonce, dealer.show(c, binding, nonce).toBytes());
    }

    public SpendCredential spend(Credential c, byte[] binding, byte[] nonce) throws CoconutException {
        return spend(c, binding, nonce, c.value());
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
