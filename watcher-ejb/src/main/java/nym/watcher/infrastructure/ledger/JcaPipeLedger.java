package nym.watcher.infrastructure.ledger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nym.ledger.Hex;
import nym.ledger.LedgerException.Kind;
import nym.ledger.jca.BroadcastResult;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxRecord;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import nym.watcher.domain.Deposit;
import nym.watcher.domain.PipeLedger;
import nym.watcher.domain.WatcherException;

/**
 * Votes through the ledger connection factory (ledger-jca): one signed {@code PipeTransferNotification} per deposit,
 * broadcast with consecutive nonces without waiting for blocks (the ledger's mempool tracks pending nonces), then
 * each awaited in a committed block.
 */
public final class JcaPipeLedger implements PipeLedger {

    /** Refusals that mean "nothing left to do" for this vote (ledger-app README, For clients). */
    private static final Set<Integer> NOTHING_LEFT = Set.of(Kind.DUPLICATE_VOTE.code(), Kind.ALREADY_SETTLED.code());

    private static final Duration COMMIT_POLL = Duration.ofMillis(100);

    private final LedgerConnectionFactory factory;
    private final Secp256k1.KeyPair key;
    private final Duration commitTimeout;

    public JcaPipeLedger(LedgerConnectionFactory factory, Secp256k1.KeyPair key, Duration commitTimeout) {
        this.factory = factory;
        this.key = key;
        this.commitTimeout = commitTimeout;
    }

    @Override
    public String watcher() {
        return Hex.prefixed(key.address());
    }

    @Override
    public void record(List<Deposit> deposits) {
        if (deposits.isEmpty()) {
            return;
        }
        try (LedgerConnection c = factory.getConnection()) {
            TxBuilder tx = new TxBuilder(c.status().network());
            long nonce = nonce(c);
            List<String> sent = new ArrayList<>();
            for (Deposit d : deposits) {
                BroadcastResult r = c.broadcastSync(tx.pipeTransfer(
                        key, nonce, d.id(), d.recipient(), d.amount().longValueExact()));
                if (r.ok()) {
                    nonce++;
                    sent.add(r.hash());
                } else if (!NOTHING_LEFT.contains(r.code())) {
                    throw refused(d.toString(), r.code(), r.log());
                }
            }
            for (String hash : sent) {
                awaitCommitted(c, hash);
            }
        } catch (LedgerException e) {
            throw new WatcherException(WatcherException.Kind.LEDGER_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private long nonce(LedgerConnection c) throws LedgerException {
        QueryResult r = c.query("/account", key.address());
        if (!r.ok() || r.value() == null) {
            throw refused("/account " + watcher(), r.code(), r.log());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.valueAsString()))) {
            JsonObject account = reader.readObject();
            JsonValue nonce = account.get("nonce");
            return nonce.getValueType() == JsonValue.ValueType.STRING
                    ? Long.parseLong(account.getString("nonce"))
                    : account.getJsonNumber("nonce").longValueExact();
        } catch (RuntimeException e) {
            throw new WatcherException(
                    WatcherException.Kind.LEDGER_UNAVAILABLE, "unreadable /account answer: " + r.valueAsString(), e);
        }
    }

    private void awaitCommitted(LedgerConnection c, String hash) throws LedgerException {
        long deadline = System.nanoTime() + commitTimeout.toNanos();
        while (true) {
            Optional<TxRecord> t = c.tx(hash);
            if (t.isPresent()) {
                int code = t.get().result().code();
                if (code != 0 && !NOTHING_LEFT.contains(code)) {
                    throw refused(
                            "vote " + hash + " in block " + t.get().height(),
                            code,
                            t.get().result().log());
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new WatcherException(
                        WatcherException.Kind.LEDGER_UNAVAILABLE,
                        "vote " + hash + " not committed within " + commitTimeout);
            }
            try {
                Thread.sleep(COMMIT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WatcherException(WatcherException.Kind.LEDGER_UNAVAILABLE, "interrupted", e);
            }
        }
    }

    private static WatcherException refused(String what, int code, String log) {
        return new WatcherException(WatcherException.Kind.LEDGER_REFUSED, what + ": code " + code + ", " + log);
    }
}
