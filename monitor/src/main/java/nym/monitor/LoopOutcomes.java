package nym.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nym.client.runtime.LoopListener;

/**
 * The samples of each epoch, from the loop listeners of the monitor's clients. A sample is a loop sent in its epoch's
 * sampling interval ({@link EpochSchedule#isSample}) over a route of that epoch's document; its outcome is "returned"
 * when it came back before the epoch's report, else "lost" (lost too when the client gave up on it earlier). Loops
 * that return after the report no longer count. Thread-safe: the clients' threads record, the reporter takes.
 */
public final class LoopOutcomes {

    private final EpochSchedule schedule;
    /** Samples not back yet, by (client, loop id). */
    private final Map<LoopKey, Sample> pending = new HashMap<>();
    /** Finished samples by epoch. */
    private final TreeMap<Long, List<RouteOutcome>> finished = new TreeMap<>();

    private record LoopKey(int client, long loopId) {}

    private record Sample(long epoch, List<String> nodes) {}

    public LoopOutcomes(EpochSchedule schedule) {
        this.schedule = schedule;
    }

    /** The listener of the monitor's client {@code client} (loop ids are unique per client only). */
    public LoopListener listenerFor(int client) {
        return new LoopListener() {
            @Override
            public void sent(LoopSent loop) {
                record(client, loop);
            }

            @Override
            public void returned(long loopId) {
                finish(new LoopKey(client, loopId), true);
            }

            @Override
            public void expired(long loopId) {
                finish(new LoopKey(client, loopId), false);
            }
        };
    }

    /**
     * The outcomes of epoch {@code epoch}'s samples (those not back now are lost), and forgets that epoch and every
     * earlier one.
     */
    public synchronized List<RouteOutcome> take(long epoch) {
        List<RouteOutcome> outcomes = new ArrayList<>(finished.getOrDefault(epoch, List.of()));
        Iterator<Sample> it = pending.values().iterator();
        while (it.hasNext()) {
            Sample sample = it.next();
            if (sample.epoch() <= epoch) {
                if (sample.epoch() == epoch) {
                    outcomes.add(new RouteOutcome(sample.nodes(), false));
                }
                it.remove();
            }
        }
        finished.headMap(epoch, true).clear();
        return outcomes;
    }

    private synchronized void record(int client, LoopListener.LoopSent loop) {
        long epoch = schedule.epochAt(loop.sentAtMillis());
        if (loop.epoch() != epoch || !schedule.isSample(loop.sentAtMillis())) {
            return; // sent too late for its epoch's report, or over another epoch's document (at a boundary)
        }
        List<String> nodes = new ArrayList<>(loop.mixIdentities());
        nodes.add(loop.gatewayIdentity());
        pending.put(new LoopKey(client, loop.loopId()), new Sample(epoch, nodes));
    }

    private synchronized void finish(LoopKey key, boolean returned) {
        Sample sample = pending.remove(key);
        if (sample != null) {
            finished.computeIfAbsent(sample.epoch(), e -> new ArrayList<>())
                    .add(new RouteOutcome(sample.nodes(), returned));
        }
    }
}
