package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nym.directory.domain.node.BindingTakenException;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeKind;
import nym.directory.domain.node.SignedPresence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PresenceGroupCommitTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A store that records each batch's keys and answers with {@code outcome}. */
    private PresenceGroupCommit groupCommit(Function<List<SignedPresence>, Set<String>> outcome) {
        PresenceGroupCommit commit = new PresenceGroupCommit();
        commit.transactions = new PresenceTransactions() {
            @Override
            public Set<String> store(List<SignedPresence> batch) {
                batches.add(batch.stream().map(p -> p.node().identityKey()).toList());
                return outcome.apply(batch);
            }
        };
        return commit;
    }

    private static Set<String> all(List<SignedPresence> batch) {
        Set<String> keys = new HashSet<>();
        batch.forEach(p -> keys.add(p.node().identityKey()));
        return keys;
    }

    private static SignedPresence presence(String key, String address) {
        return new SignedPresence(
                new Node(key, NodeKind.MIXNODE, address, null, null, null, null, null, 1L), List.of(), 1L);
    }

    /** Waits until {@code n} submitted tasks are parked (waiting for the running batch). */
    private static void awaitParked(List<Thread> parked, int n) throws InterruptedException {
        while (parked.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < n) {
            Thread.sleep(5);
        }
    }

    @Test
    void store_alone_oneBatchOfOne() {
        PresenceGroupCommit commit = groupCommit(PresenceGroupCommitTest::all);

        assertTrue(commit.store(presence("k1", "h1")));

        assertEquals(List.of(List.of("k1")), batches);
    }

    @Test
    void store_refusedByTheStore_false() {
        PresenceGroupCommit commit = groupCommit(batch -> Set.of());

        assertFalse(commit.store(presence("k1", "h1")));
    }

    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    /** Keeps the batch holding key "first" in its transaction until {@link #queueBehindFirst} releases it. */
    private void holdFirst(List<SignedPresence> batch) {
        if (batch.get(0).node().identityKey().equals("first")) {
            firstStarted.countDown();
            try {
                releaseFirst.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Stores "first", then, while its batch is being written, each of {@code keys} from its own thread, in order;
     * then lets the first batch finish.
     *
     * @return the outcomes: first's, then one per key
     */
    private List<Future<Boolean>> queueBehindFirst(PresenceGroupCommit commit, String... keys) throws Exception {
        List<Future<Boolean>> outcomes = new ArrayList<>();
        outcomes.add(threads.submit(() -> commit.store(presence("first", "h0"))));
        firstStarted.await();
        List<Thread> parked = Collections.synchronizedList(new ArrayList<>());
        for (String key : keys) {
            outcomes.add(threads.submit(() -> {
                parked.add(Thread.currentThread());
                return commit.store(presence(key, "h-" + key));
            }));
            awaitParked(parked, outcomes.size() - 1);
        }
        releaseFirst.countDown();
        return outcomes;
    }

    @Test
    void store_arrivingWhileABatchIsWritten_nextBatchTakesThemAllOncePerKey() throws Exception {
        PresenceGroupCommit commit = groupCommit(batch -> {
            holdFirst(batch);
            return all(batch);
        });

        List<Future<Boolean>> outcomes = queueBehindFirst(commit, "a", "b", "c", "a");

        for (Future<Boolean> f : outcomes) {
            assertTrue(f.get());
        }
        assertEquals(List.of(List.of("first"), List.of("a", "b", "c"), List.of("a")), batches);
    }

    @Test
    void store_batchStatementFails_eachWrittenAloneOnlyTheOffenderRefused() throws Exception {
        PresenceGroupCommit commit = groupCommit(batch -> {
            holdFirst(batch);
            if (batch.stream().anyMatch(p -> p.node().identityKey().equals("thief"))) {
                throw new BindingTakenException("address taken", null);
            }
            return all(batch);
        });

        List<Future<Boolean>> outcomes = queueBehindFirst(commit, "a", "thief", "b");

        assertTrue(outcomes.get(0).get());
        assertTrue(outcomes.get(1).get());
        Exception e = assertThrows(Exception.class, () -> outcomes.get(2).get());
        assertTrue(e.getCause() instanceof BindingTakenException, e.toString());
        assertTrue(outcomes.get(3).get());
        assertEquals(
                List.of(List.of("first"), List.of("a", "thief", "b"), List.of("a"), List.of("thief"), List.of("b")),
                batches);
    }
}
