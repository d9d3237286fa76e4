package nym.ledger.state;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.ledger.tx.proto.LedgerProto.Deposit;
import nym.ledger.tx.proto.LedgerProto.DepositStatus;

/**
 * Pending deposits expire, so a ζ whose verifiers never reach a threshold (offline, or split) is not locked for
 * ever. A deposit made at height h is scheduled under {@code expiry/<h + deposit_timeout_blocks>}; at the start of
 * that block it is marked expired if still pending, and its ζ is unspent again. Every height is executed exactly
 * once, so one exact-key read per block finds every deposit due, without scanning the state.
 */
final class DepositExpiry {
    private static final int ID_BYTES = 32;

    private DepositExpiry() {}

    static String key(long height) {
        return "expiry/" + height;
    }

    /** Remembers that deposit {@code id} expires at {@code height}. */
    static void schedule(StateView s, byte[] id, long height) {
        byte[] due = s.get(key(height));
        byte[] ids = due == null
                ? id.clone()
                : ByteBuffer.allocate(due.length + ID_BYTES).put(due).put(id).array();
        s.put(key(height), ids);
    }

    /** Expires the deposits due at {@code height} that are still pending; returns their events. */
    static List<LedgerEvent> expireDue(StateView s, long height) {
        byte[] due = s.get(key(height));
        if (due == null) {
            return List.of();
        }
        s.delete(key(height));
        List<LedgerEvent> events = new ArrayList<>();
        for (int off = 0; off < due.length; off += ID_BYTES) {
            byte[] id = Arrays.copyOfRange(due, off, off + ID_BYTES);
            Deposit d = Executor.parse(s.get(Executor.depositKey(id)), Deposit.parser());
            if (d.getStatus() != DepositStatus.DEPOSIT_PENDING) {
                continue; // settled by the verifiers in time
            }
            Deposit expired =
                    d.toBuilder().setStatus(DepositStatus.DEPOSIT_EXPIRED).build();
            s.put(Executor.depositKey(id), expired.toByteArray());
            s.delete(Executor.zetaKey(d.getZeta().toByteArray()));
            events.add(Executor.settledEvent(id, "expired", expired));
        }
        return events;
    }
}
