package nym.ledger.state;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.MonitorReport;
import nym.ledger.tx.proto.LedgerProto.NodeScore;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.StakeParams;
import nym.ledger.tx.stake.StakeEpochs;

/**
 * Monitor reports: taken from registered monitors while their epoch's report window is open (its start until its
 * settlement), once per (monitor, epoch), and read (and removed) by the epoch's settlement.
 */
final class MonitorReports {
    static final int MAX_ENTRIES = 4096;
    static final int MAX_PERFORMANCE = 1000;

    private MonitorReports() {}

    static List<LedgerEvent> accept(StateView s, Params p, Transaction tx, MonitorReport r, long timeMs) {
        StakeParams sp = StakeRecords.require(p);
        if (!p.getStake().getMonitorsList().contains(ByteString.copyFrom(tx.sender()))) {
            throw new LedgerException(Kind.UNKNOWN_MONITOR, Hex.prefixed(tx.sender()) + " is not a registered monitor");
        }
        StakeEpochs epochs = new StakeEpochs(sp.getEpochSeconds());
        if (!epochs.reportWindowOpen(r.getEpoch(), timeMs)) {
            throw new LedgerException(
                    Kind.REPORT_OUTSIDE_WINDOW,
                    "reports for epoch " + Long.toUnsignedString(r.getEpoch()) + " are taken from "
                            + epochs.startMs(r.getEpoch()) + " ms until " + epochs.settleMs(r.getEpoch())
                            + " ms of block time; now " + timeMs + " ms (epoch " + epochs.epochAt(timeMs) + ")");
        }
        if (r.getResultsCount() > MAX_ENTRIES) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "at most " + MAX_ENTRIES + " results per report");
        }
        Set<ByteString> seen = new HashSet<>();
        for (NodeScore e : r.getResultsList()) {
            StakeTransactions.identity(e.getIdentityKey());
            if (!seen.add(e.getIdentityKey())) {
                throw new LedgerException(
                        Kind.INVALID_ARGUMENT,
                        "node " + Hex.lower(e.getIdentityKey().toByteArray()) + " twice");
            }
            if (e.getPerformance() > MAX_PERFORMANCE) {
                throw new LedgerException(
                        Kind.INVALID_ARGUMENT, "performance is per mille: at most " + MAX_PERFORMANCE);
            }
        }
        String key = StakeRecords.reportKey(r.getEpoch(), tx.sender());
        if (s.get(key) != null) {
            throw new LedgerException(
                    Kind.DUPLICATE_REPORT,
                    "monitor " + Hex.prefixed(tx.sender()) + " already reported epoch " + r.getEpoch());
        }
        s.put(key, r.toByteArray());
        return List.of(LedgerEvent.of("monitor_report")
                .attr("monitor", Hex.prefixed(tx.sender()))
                .attr("epoch", Long.toUnsignedString(r.getEpoch()))
                .attr("results", Integer.toString(r.getResultsCount()))
                .build());
    }

    /**
     * Removes the reports of {@code epoch} and adds their performance values per node to {@code into}; returns how
     * many monitors reported.
     */
    static int take(StateView s, Params p, long epoch, Map<ByteString, List<Integer>> into) {
        int reports = 0;
        for (ByteString monitor : p.getStake().getMonitorsList()) {
            String key = StakeRecords.reportKey(epoch, monitor.toByteArray());
            byte[] v = s.get(key);
            if (v == null) {
                continue;
            }
            reports++;
            s.delete(key);
            for (NodeScore e : Executor.parse(v, MonitorReport.parser()).getResultsList()) {
                into.computeIfAbsent(e.getIdentityKey(), k -> new ArrayList<>()).add(e.getPerformance());
            }
        }
        return reports;
    }

    /** The lower median: a minority of monitors reporting extreme values cannot move it. */
    static int median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(Integer::compare);
        return sorted.get((sorted.size() - 1) / 2);
    }
}
