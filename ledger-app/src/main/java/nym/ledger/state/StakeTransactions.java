package nym.ledger.state;

import com.google.protobuf.ByteString;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.BondNode;
import nym.ledger.tx.proto.LedgerProto.Delegate;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.StakeDelegation;
import nym.ledger.tx.proto.LedgerProto.StakeNode;
import nym.ledger.tx.proto.LedgerProto.StakeParams;
import nym.ledger.tx.proto.LedgerProto.UnbondNode;
import nym.ledger.tx.proto.LedgerProto.Undelegate;
import nym.ledger.tx.stake.ActiveSetSelection;
import nym.ledger.tx.stake.BondMessage;
import nym.ledger.tx.stake.NodeIds;
import nym.ledger.tx.stake.StakeEpochs;

/**
 * Bond, unbond, delegate and undelegate. Amounts move between balances and bonds at once; what is unbonded is paid
 * back by the settlement of its release epoch ({@link Settlement}). Every check runs before the first write.
 */
final class StakeTransactions {
    private StakeTransactions() {}

    static List<LedgerEvent> bond(StateView s, Params p, Transaction tx, BondNode b) {
        StakeParams sp = StakeRecords.require(p);
        byte[] identity = identity(b.getIdentityKey());
        if (b.getKind() != NodeKind.NODE_MIXNODE && b.getKind() != NodeKind.NODE_GATEWAY) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "unknown node kind " + b.getKindValue());
        }
        long amount = Executor.amount(b.getAmount());
        if (!BondMessage.verify(
                p.getChainId(), tx.sender(), identity, b.getIdentitySignature().toByteArray())) {
            throw new LedgerException(
                    Kind.BAD_SIGNATURE,
                    "identity_signature is not node " + NodeIds.text(identity) + "'s signature for owner "
                            + Hex.prefixed(tx.sender()));
        }
        StakeNode existing = StakeRecords.node(s, identity);
        StakeNode.Builder n;
        if (existing == null) {
            if (amount < sp.getMinBond()) {
                throw new LedgerException(
                        Kind.BELOW_MIN_BOND, "a first bond must be at least " + sp.getMinBond() + ", got " + amount);
            }
            n = StakeNode.newBuilder()
                    .setIdentityKey(ByteString.copyFrom(identity))
                    .setKind(b.getKind())
                    .setOwner(ByteString.copyFrom(tx.sender()));
        } else {
            requireOwner(existing, tx);
            requireNotUnbonding(existing);
            if (existing.getKind() != b.getKind()) {
                throw new LedgerException(
                        Kind.INVALID_ARGUMENT,
                        "node " + NodeIds.text(identity) + " is bonded as a "
                                + ActiveSetSelection.kindName(existing.getKind()));
            }
            n = existing.toBuilder();
        }
        n.setBond(add(n.getBond(), amount));
        Executor.debit(s, tx.sender(), amount);
        StakeRecords.putNode(s, n.build());
        return List.of(event("node_bonded", identity, tx.sender(), amount));
    }

    static List<LedgerEvent> unbond(StateView s, Params p, Transaction tx, UnbondNode u, long timeMs) {
        StakeParams sp = StakeRecords.require(p);
        byte[] identity = identity(u.getIdentityKey());
        StakeNode n = StakeRecords.requireNode(s, identity);
        requireOwner(n, tx);
        requireNotUnbonding(n);
        long release = releaseEpoch(sp, timeMs);
        StakeRecords.putNode(
                s, n.toBuilder().setUnbonding(true).setReleaseEpoch(release).build());
        return List.of(LedgerEvent.of("node_unbonding")
                .attr("identity", NodeIds.text(identity))
                .attr("owner", Hex.prefixed(tx.sender()))
                .attr("release_epoch", Long.toString(release))
                .build());
    }

    static List<LedgerEvent> delegate(StateView s, Params p, Transaction tx, Delegate d) {
        StakeRecords.require(p);
        byte[] identity = identity(d.getIdentityKey());
        long amount = Executor.amount(d.getAmount());
        StakeNode n = StakeRecords.requireNode(s, identity);
        requireNotUnbonding(n);
        StakeNode.Builder b = n.toBuilder().setDelegated(add(n.getDelegated(), amount));
        ByteString delegator = ByteString.copyFrom(tx.sender());
        int active = activeDelegation(n, delegator);
        if (active < 0) {
            b.addDelegations(
                    StakeDelegation.newBuilder().setDelegator(delegator).setAmount(amount));
        } else {
            StakeDelegation old = n.getDelegations(active);
            b.setDelegations(active, old.toBuilder().setAmount(add(old.getAmount(), amount)));
        }
        Executor.debit(s, tx.sender(), amount);
        StakeRecords.putNode(s, b.build());
        StakeRecords.addToIndex(s, StakeRecords.delegatorKey(tx.sender()), identity);
        return List.of(event("delegated", identity, tx.sender(), amount));
    }

    static List<LedgerEvent> undelegate(StateView s, Params p, Transaction tx, Undelegate u, long timeMs) {
        StakeParams sp = StakeRecords.require(p);
        byte[] identity = identity(u.getIdentityKey());
        long amount = Executor.amount(u.getAmount());
        StakeNode n = StakeRecords.requireNode(s, identity);
        if (n.getUnbonding()) {
            throw new LedgerException(
                    Kind.UNBONDING,
                    "node " + NodeIds.text(identity) + " is unbonding: every delegation is paid back at epoch "
                            + n.getReleaseEpoch());
        }
        ByteString delegator = ByteString.copyFrom(tx.sender());
        int active = activeDelegation(n, delegator);
        long held = active < 0 ? 0 : n.getDelegations(active).getAmount();
        if (held < amount) {
            throw new LedgerException(
                    Kind.INSUFFICIENT_DELEGATION,
                    Hex.prefixed(tx.sender()) + " has " + held + " delegated to " + NodeIds.text(identity)
                            + ", asked to undelegate " + amount);
        }
        long release = releaseEpoch(sp, timeMs);
        StakeNode.Builder b = n.toBuilder().setDelegated(n.getDelegated() - amount);
        if (held == amount) {
            b.removeDelegations(active);
        } else {
            b.setDelegations(active, n.getDelegations(active).toBuilder().setAmount(held - amount));
        }
        addPending(b, delegator, amount, release);
        StakeRecords.putNode(s, b.build());
        return List.of(LedgerEvent.of("undelegated")
                .attr("identity", NodeIds.text(identity))
                .attr("delegator", Hex.prefixed(tx.sender()))
                .attr("amount", Long.toString(amount))
                .attr("release_epoch", Long.toString(release))
                .build());
    }

    /** Joins the pending entry of the same delegator and release epoch, so repeated undelegations stay one entry. */
    private static void addPending(StakeNode.Builder b, ByteString delegator, long amount, long release) {
        for (int i = 0; i < b.getDelegationsCount(); i++) {
            StakeDelegation d = b.getDelegations(i);
            if (d.getUnbonding()
                    && d.getReleaseEpoch() == release
                    && d.getDelegator().equals(delegator)) {
                b.setDelegations(i, d.toBuilder().setAmount(add(d.getAmount(), amount)));
                return;
            }
        }
        b.addDelegations(StakeDelegation.newBuilder()
                .setDelegator(delegator)
                .setAmount(amount)
                .setUnbonding(true)
                .setReleaseEpoch(release));
    }

    private static int activeDelegation(StakeNode n, ByteString delegator) {
        for (int i = 0; i < n.getDelegationsCount(); i++) {
            StakeDelegation d = n.getDelegations(i);
            if (!d.getUnbonding() && d.getDelegator().equals(delegator)) {
                return i;
            }
        }
        return -1;
    }

    private static long releaseEpoch(StakeParams sp, long timeMs) {
        return new StakeEpochs(sp.getEpochSeconds()).epochAt(timeMs) + sp.getUnbondingEpochs();
    }

    private static void requireOwner(StakeNode n, Transaction tx) {
        if (!n.getOwner().equals(ByteString.copyFrom(tx.sender()))) {
            throw new LedgerException(
                    Kind.NOT_OWNER,
                    "node " + NodeIds.text(n.getIdentityKey().toByteArray()) + " is bonded by "
                            + Hex.prefixed(n.getOwner().toByteArray()));
        }
    }

    private static void requireNotUnbonding(StakeNode n) {
        if (n.getUnbonding()) {
            throw new LedgerException(
                    Kind.UNBONDING,
                    "node " + NodeIds.text(n.getIdentityKey().toByteArray()) + " is unbonding (released at epoch "
                            + n.getReleaseEpoch() + ")");
        }
    }

    static byte[] identity(ByteString b) {
        if (b.size() != BondMessage.IDENTITY_BYTES) {
            throw new LedgerException(
                    Kind.INVALID_ARGUMENT, "identity_key must be " + BondMessage.IDENTITY_BYTES + " bytes");
        }
        return b.toByteArray();
    }

    static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new LedgerException(Kind.OVERFLOW, "stake would overflow");
        }
    }

    private static LedgerEvent event(String type, byte[] identity, byte[] who, long amount) {
        return LedgerEvent.of(type)
                .attr("identity", NodeIds.text(identity))
                .attr(type.equals("delegated") ? "delegator" : "owner", Hex.prefixed(who))
                .attr("amount", Long.toString(amount))
                .build();
    }
}
