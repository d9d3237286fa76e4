package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nym.directory.api.Keys;

/**
 * The ledger's stake records as the directory uses them: for the epoch documents (the threshold, an epoch's active
 * set) and, passed through, for operators and the dashboard. Each answer, found or not, is reused for
 * {@link #REUSE_MILLIS}, so a dashboard polling every few seconds and the document rounds every second cost the
 * ledger one query per record and period; a failure is not kept (the next call asks again).
 */
@ApplicationScoped
public class StakeService {

    public static final long REUSE_MILLIS = 5000;
    /**
     * Node and epoch records are keyed by what was asked: past this many held, expired ones are dropped, and while it
     * is still full new answers are not kept, so requests for many epochs cannot grow memory.
     */
    private static final int MAX_HELD = 1024;

    @Inject
    StakeLedger ledger;

    /** The instance's clock; tests fix it. */
    Clock clock = Clock.systemUTC();

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(Optional<JsonObject> answer, long at) {}

    /** The ledger's stake rules; empty when the chain has no stake. */
    public Optional<StakeRules> rules() {
        return stakeParams().map(StakeRules::of);
    }

    /** The {@code stake} object of the ledger's {@code /params}; empty when the chain has no stake. */
    public Optional<JsonObject> stakeParams() {
        return reused("params", ledger::stakeParams);
    }

    /** The active set and performance the ledger fixed for {@code epoch}; empty until fixed. */
    public Optional<ActiveSet> activeSet(long epoch) {
        return active(epoch).map(ActiveSet::of);
    }

    public Optional<JsonObject> active(long epoch) {
        return reused("active/" + epoch, () -> ledger.active(epoch));
    }

    public Optional<JsonObject> nodes() {
        return reused("nodes", ledger::nodes);
    }

    /** @param identity the node's 32-byte Ed25519 identity key */
    public Optional<JsonObject> node(byte[] identity) {
        return reused("node/" + Keys.encode(identity), () -> ledger.node(identity));
    }

    public Optional<JsonObject> settlement(long epoch) {
        return reused("epoch/" + epoch, () -> ledger.settlement(epoch));
    }

    private Optional<JsonObject> reused(String key, Supplier<Optional<JsonObject>> query) {
        long now = clock.millis();
        Held h = held.get(key);
        if (h != null && now - h.at() < REUSE_MILLIS) {
            return h.answer();
        }
        Optional<JsonObject> answer = query.get();
        if (held.size() >= MAX_HELD) {
            held.values().removeIf(old -> now - old.at() >= REUSE_MILLIS);
        }
        if (held.size() < MAX_HELD) {
            held.put(key, new Held(answer, now));
        }
        return answer;
    }
}
