package nym.mixnode.bandwidth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nym.coconut.setup.Parameters;
import nym.credential.CompletedKeyEpoch;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.testing.ScriptedKeyEpochs;
import nym.ledger.Hex;
import nym.ledger.tx.Transaction;

/**
 * The ledger as a test scripts it: {@code /params}, the key epochs, ζ's state, the account nonce, what a broadcast
 * answers (committed in a block by default, else the next scripted answer), the blocks' transactions and the
 * deposits' states. {@link #down} makes every call fail as an unreachable ledger does.
 */
public final class ScriptedLedger implements GatewayLedger {

    public static final String CHAIN = "nym-test";

    public final ScriptedKeyEpochs keyEpochs = new ScriptedKeyEpochs(() -> new LedgerRpcException("scripted outage"));
    public final Map<String, String> zetas = new ConcurrentHashMap<>();
    public final Map<String, TxResult> blocks = new ConcurrentHashMap<>();
    public final Map<String, String> deposits = new ConcurrentHashMap<>();
    /** Answers of the next broadcasts, in order; an empty one: sent, but the answer is lost. */
    public final Deque<Optional<TxResult>> answers = new ArrayDeque<>();

    public final List<byte[]> broadcasts = new ArrayList<>();
    public volatile Parameters coconut;
    public volatile long bytesPerNym = NetworkParams.DEFAULT_BYTES_PER_NYM;
    public volatile long accountNonce;
    public volatile boolean down;

    private void reachable() {
        if (down) {
            throw new LedgerRpcException("scripted outage");
        }
    }

    @Override
    public NetworkParams params() {
        reachable();
        return new NetworkParams(bytesPerNym, coconut);
    }

    @Override
    public String chainId() {
        reachable();
        return CHAIN;
    }

    @Override
    public String zetaStatus(byte[] zeta) {
        reachable();
        return zetas.getOrDefault(HexFormat.of().formatHex(zeta), "unspent");
    }

    @Override
    public long accountNonce(byte[] address) {
        reachable();
        return accountNonce;
    }

    /**
     * Records the bytes; answers the next scripted answer, or commits the deposit in block 7 (ζ pending, account
     * nonce used). An empty scripted answer is a lost one: the deposit may or may not be in a block.
     */
    @Override
    public synchronized TxResult broadcast(byte[] signedTx) {
        reachable();
        broadcasts.add(signedTx);
        String hash = hash(signedTx);
        Optional<TxResult> scripted = answers.isEmpty() ? Optional.of(committed(hash)) : answers.poll();
        if (scripted.isEmpty()) {
            throw new LedgerRpcException("scripted: the answer to broadcast_tx_commit was lost");
        }
        TxResult result = scripted.get();
        if (result.ok()) {
            blocks.put(hash, result);
            deposits.put(hash, "pending");
            accountNonce++;
        }
        return result;
    }

    public static TxResult committed(String hash) {
        return new TxResult(hash, 7, 0, "");
    }

    static String hash(byte[] signedTx) {
        return Hex.upper(Transaction.sha256(signedTx));
    }

    @Override
    public Optional<TxResult> transaction(String hash) {
        reachable();
        return Optional.ofNullable(blocks.get(hash));
    }

    @Override
    public Optional<String> depositStatus(String depositId) {
        reachable();
        return Optional.ofNullable(deposits.get(depositId));
    }

    @Override
    public Optional<CompletedKeyEpoch> latestCompleted() {
        reachable();
        return keyEpochs.latestCompleted();
    }

    @Override
    public Optional<CompletedKeyEpoch> completed(long keyEpoch) {
        reachable();
        return keyEpochs.completed(keyEpoch);
    }
}
