package nym.ledger.devnet;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The devnet's counters, served at {@code GET /metrics} of the RPC port in the Prometheus text format under the names
 * CometBFT's own Prometheus endpoint uses ({@code cometbft_consensus_height}, {@code cometbft_mempool_size}, ...), so a
 * dashboard made for real validators reads the devnet too. Only the subset a single validator can know.
 */
public final class DevnetMetrics {

    private final AtomicLong height = new AtomicLong();
    private final AtomicLong lastBlockTxs = new AtomicLong();
    private final LongAdder totalTxs = new LongAdder();
    private final LongAdder failedInBlock = new LongAdder();
    private final LongAdder checkTxRefused = new LongAdder();
    private final LongAdder checkTxAccepted = new LongAdder();
    private final IntSupplier mempoolSize;

    DevnetMetrics(IntSupplier mempoolSize) {
        this.mempoolSize = mempoolSize;
    }

    void checked(boolean accepted) {
        (accepted ? checkTxAccepted : checkTxRefused).increment();
    }

    void committed(long blockHeight, int txs, int failed) {
        height.set(blockHeight);
        lastBlockTxs.set(txs);
        totalTxs.add(txs);
        failedInBlock.add(failed);
    }

    /** The Prometheus text exposition (version 0.0.4). */
    public String prometheusText(String chainId) {
        String labels = "{chain_id=\"" + chainId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        StringBuilder out = new StringBuilder();
        metric(out, "cometbft_consensus_height", "gauge", "Height of the chain.", labels, height.get());
        metric(
                out,
                "cometbft_consensus_num_txs",
                "gauge",
                "Number of transactions in the last block.",
                labels,
                lastBlockTxs.get());
        metric(
                out,
                "cometbft_consensus_total_txs",
                "gauge",
                "Total number of transactions committed.",
                labels,
                totalTxs.sum());
        metric(
                out,
                "nym_devnet_block_txs_failed_total",
                "counter",
                "Committed transactions whose execution the application refused (code != 0).",
                labels,
                failedInBlock.sum());
        metric(
                out,
                "cometbft_mempool_size",
                "gauge",
                "Number of uncommitted transactions in the mempool.",
                labels,
                mempoolSize.getAsInt());
        metric(
                out,
                "cometbft_mempool_failed_txs",
                "counter",
                "Transactions that failed CheckTx.",
                labels,
                checkTxRefused.sum());
        metric(
                out,
                "nym_devnet_mempool_accepted_txs_total",
                "counter",
                "Transactions that passed CheckTx.",
                labels,
                checkTxAccepted.sum());
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(name).append(labels).append(' ').append(value).append('\n');
    }
}
