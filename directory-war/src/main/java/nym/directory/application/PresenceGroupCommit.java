package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;
import nym.directory.domain.node.SignedPresence;

/**
 * Group commit of heartbeats: presences that arrive while a transaction is running wait for it and are then written
 * together, one statement and one commit for the whole batch, by one of the waiting request threads (the leader).
 * Each request is answered only after the commit that stored it, so the replay check and the key binding stay in
 * the database, exact across instances, and a stored presence survives the loss of the instance that took it. Under
 * no load a batch is a single presence and nothing waits; under load the cost of a transaction is shared.
 *
 * <p>A batch holds at most one presence per identity key (the statement can update a row once); a second one waits
 * for the next batch. If the batch statement fails (an address, client listener or Sphinx key bound to another node),
 * each presence of the batch is written alone so only the offending one is refused.
 */
@ApplicationScoped
public class PresenceGroupCommit {

    /** Rows per statement: 10 parameters each (and one for all their Sphinx keys), far below PostgreSQL's 65,535. */
    static final int MAX_BATCH = 256;

    @Inject
    PresenceTransactions transactions;

    private final ConcurrentLinkedDeque<Pending> queue = new ConcurrentLinkedDeque<>();
    private final ReentrantLock leader = new ReentrantLock();

    /**
     * @return true if stored; false if refused by the store's rules (banned, other kind, not newer)
     * @throws RuntimeException what storing it threw (a binding owned by another node, a database failure)
     */
    public boolean store(SignedPresence presence) {
        Pending pending = new Pending(presence);
        queue.addLast(pending);
        while (true) {
            lead();
            Boolean stored = pending.awaitResultOrTurn();
            if (stored != null) {
                return stored;
            }
        }
    }

    /**
     * Writes one batch if no other thread is writing. Whoever writes wakes the oldest waiter afterwards: a presence
     * queued while the lock was held is then seen, because its thread queued it before failing to take the lock.
     */
    private void lead() {
        if (!leader.tryLock()) {
            return;
        }
        try {
            List<Pending> batch = takeBatch();
            if (!batch.isEmpty()) {
                write(batch);
            }
        } finally {
            leader.unlock();
        }
        Pending next = queue.peekFirst();
        if (next != null) {
            next.yourTurn();
        }
    }

    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Deque<Pending> later = new ArrayDeque<>();
        Pending p;
        while (batch.size() < MAX_BATCH && (p = queue.pollFirst()) != null) {
            if (keys.add(p.presence.node().identityKey())) {
                batch.add(p);
            } else {
                later.push(p);
            }
        }
        while (!later.isEmpty()) {
            queue.addFirst(later.pop());
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        try {
            Set<String> stored =
                    transactions.store(batch.stream().map(p -> p.presence).toList());
            batch.forEach(p -> p.complete(stored.contains(p.presence.node().identityKey()), null));
        } catch (RuntimeException batchFailed) {
            for (Pending p : batch) {
                try {
                    p.complete(!transactions.store(List.of(p.presence)).isEmpty(), null);
                } catch (RuntimeException e) {
                    p.complete(false, e);
                }
            }
        } finally {
            batch.forEach(Pending::abortIfPending);
        }
    }

    /** A queued presence and its outcome; the first completion wins. */
    private static final class Pending {
        final SignedPresence presence;
        private boolean done;
        private boolean turn;
        private boolean stored;
        private RuntimeException failure;

        Pending(SignedPresence presence) {
            this.presence = presence;
        }

        synchronized void complete(boolean stored, RuntimeException failure) {
            if (done) {
                return;
            }
            this.done = true;
            this.stored = stored;
            this.failure = failure;
            notifyAll();
        }

        /** Answers a presence its batch left without an outcome (an Error escaped); the common case builds nothing. */
        synchronized void abortIfPending() {
            if (!done) {
                complete(false, new IllegalStateException("presence batch aborted"));
            }
        }

        synchronized void yourTurn() {
            turn = true;
            notifyAll();
        }

        /** @return the outcome, or null when woken to try leading */
        synchronized Boolean awaitResultOrTurn() {
            boolean interrupted = false;
            while (!done && !turn) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!done) {
                turn = false;
                return null;
            }
            if (failure != null) {
                throw failure;
            }
            return stored;
        }
    }
}
