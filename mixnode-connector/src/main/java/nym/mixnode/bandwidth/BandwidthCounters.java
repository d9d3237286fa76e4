package nym.mixnode.bandwidth;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A gateway's bandwidth counters for its local Prometheus endpoint: spends by outcome, deposits by outcome, bytes
 * granted and taken back. Never by client. Thread-safe.
 */
public final class BandwidthCounters {

    /** What became of a SpendCredential. */
    public enum SpendOutcome {
        ACCEPTED,
        CREDENTIAL_INVALID,
        DOUBLE_SPEND,
        NONCE_INVALID,
        LEDGER_UNAVAILABLE
    }

    /** How a deposit ended. */
    public enum DepositOutcome {
        /** The verifiers accepted it: the gateway was paid. */
        ACCEPTED,
        /** The verifiers rejected it. */
        REJECTED,
        /** Nobody voted in time. */
        EXPIRED,
        /** The ledger refused it (at CheckTx or in its block: ζ spent elsewhere first, among others). */
        REFUSED,
        /** Never found in a block after it was sent again and again. */
        LOST
    }

    private final Map<SpendOutcome, LongAdder> spends = new EnumMap<>(SpendOutcome.class);
    private final Map<DepositOutcome, LongAdder> deposits = new EnumMap<>(DepositOutcome.class);
    private final LongAdder granted = new LongAdder();
    private final LongAdder takenBack = new LongAdder();

    public BandwidthCounters() {
        for (SpendOutcome o : SpendOutcome.values()) {
            spends.put(o, new LongAdder());
        }
        for (DepositOutcome o : DepositOutcome.values()) {
            deposits.put(o, new LongAdder());
        }
    }

    void spend(SpendOutcome outcome) {
        spends.get(outcome).increment();
    }

    void deposit(DepositOutcome outcome) {
        deposits.get(outcome).increment();
    }

    void granted(long bytes) {
        granted.add(bytes);
    }

    void takenBack(long bytes) {
        takenBack.add(bytes);
    }

    public long spends(SpendOutcome outcome) {
        return spends.get(outcome).sum();
    }

    public long deposits(DepositOutcome outcome) {
        return deposits.get(outcome).sum();
    }

    public long bytesGranted() {
        return granted.sum();
    }

    public long bytesTakenBack() {
        return takenBack.sum();
    }
}
