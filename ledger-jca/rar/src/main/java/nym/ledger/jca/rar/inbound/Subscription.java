package nym.ledger.jca.rar.inbound;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.LedgerException.Kind;
import nym.ledger.jca.TxRecord;
import nym.ledger.jca.rar.rpc.Answers;
import nym.ledger.jca.rar.rpc.RpcClient;

/**
 * A websocket {@code subscribe} to a CometBFT node's Tx events. The websocket's own threads only parse and queue;
 * the consumer takes transactions in the order the node sent them with {@link #next}. The queue is bounded: when it
 * is full the socket is dropped (the stream backfills what it missed) instead of growing. The end of the
 * subscription (closed, failed, cancelled by the node, overflowed) comes after everything queued before it.
 */
final class Subscription implements WebSocket.Listener, AutoCloseable {

    private static final String SUBSCRIBE_ID = "ledger-jca-subscribe";

    /** The end of the subscription, with its reason; {@code overflow} when the queue was full. */
    record Ended(String reason, boolean overflow) {}

    private final BlockingQueue<TxRecord> queue;
    private volatile Ended ended;
    private final CompletableFuture<Void> confirmed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final URI node;
    private volatile WebSocket socket;

    private Subscription(URI node, int capacity) {
        this.node = node;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    URI node() {
        return node;
    }

    /** Subscribes on the first node that accepts, within {@code timeout} per node, queueing up to {@code capacity}. */
    static Subscription open(HttpClient http, List<URI> nodes, String query, Duration timeout, int capacity)
            throws LedgerException {
        LedgerException last = null;
        for (URI node : nodes) {
            Subscription s = new Subscription(node, capacity);
            try {
                s.socket = http.newWebSocketBuilder()
                        .connectTimeout(timeout)
                        .buildAsync(RpcClient.websocket(node), s)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String request = Json.createObjectBuilder()
                        .add("jsonrpc", "2.0")
                        .add("id", SUBSCRIBE_ID)
                        .add("method", "subscribe")
                        .add("params", Json.createObjectBuilder().add("query", query))
                        .build()
                        .toString();
                s.socket.sendText(request, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                s.confirmed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s.close();
                throw new LedgerException(Kind.INTERRUPTED, "interrupted while subscribing", e);
            } catch (TimeoutException e) {
                s.close();
                last = new LedgerException(
                        Kind.TIMEOUT, "subscribe at " + node + ": no answer within " + timeout.toMillis() + " ms", e);
            } catch (ExecutionException e) {
                s.close();
                Throwable c = e.getCause();
                last = c instanceof LedgerException le
                        ? le
                        : new LedgerException(Kind.UNAVAILABLE, "subscribe at " + node + ": " + c, c);
                if (last.kind() == Kind.RPC_ERROR) {
                    throw last; // the node refused the query: another node will refuse it too
                }
            }
        }
        throw last;
    }

    /** The next transaction, then (once all are taken) the {@link Ended}, or {@code null} if none came in {@code wait}. */
    Object next(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            Ended e = ended; // read before polling: an end set later comes after what is queued now
            TxRecord t = queue.poll();
            if (t != null) {
                return t;
            }
            if (e != null) {
                return e;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            t = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            if (t != null) {
                return t;
            }
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(text);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String text) {
        try {
            JsonObject message = RpcClient.parseObject(text);
            boolean ours = message.get("id") instanceof JsonString id && SUBSCRIBE_ID.equals(id.getString());
            JsonObject result;
            try {
                result = RpcClient.result("subscribe", message);
            } catch (LedgerException e) {
                if (!confirmed.isDone()) {
                    confirmed.completeExceptionally(e);
                }
                end(e.getMessage(), false);
                return;
            }
            JsonObject data = Answers.object(result, "data");
            if (data == null) {
                if (ours) {
                    confirmed.complete(null); // the empty result that confirms the subscription
                }
                return;
            }
            if (!"tendermint/event/Tx".equals(Answers.string(data, "type"))) {
                return;
            }
            JsonObject value = Answers.object(data, "value");
            JsonObject txResult = value == null ? null : Answers.object(value, "TxResult");
            if (txResult == null) {
                throw new LedgerException(Kind.MALFORMED_RESPONSE, "Tx event without TxResult");
            }
            if (!queue.offer(Answers.txEvent(txResult, hash(result, txResult)))) {
                end("more than " + queue.size() + " events queued from " + node + ": socket dropped", true);
                socket.abort();
            }
        } catch (LedgerException e) {
            end("unreadable message from " + node + ": " + e.getMessage(), false);
        }
    }

    /** The transaction hash from the event's {@code tx.hash}, else SHA-256 of the transaction (as CometBFT). */
    private static String hash(JsonObject result, JsonObject txResult) throws LedgerException {
        JsonObject events = Answers.object(result, "events");
        if (events != null
                && events.get("tx.hash") instanceof JsonArray a
                && !a.isEmpty()
                && a.get(0) instanceof JsonString s) {
            return s.getString();
        }
        try {
            return Answers.sha256Hex(java.util.Base64.getDecoder().decode(Answers.string(txResult, "tx")));
        } catch (IllegalArgumentException e) {
            throw new LedgerException(Kind.MALFORMED_RESPONSE, "Tx event without a readable tx");
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        end("closed by " + node + " (" + statusCode + " " + reason + ")", false);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end("websocket to " + node + " failed: " + error, false);
    }

    /** Records the first end only: what follows it (the abort's own close) says nothing new. */
    private synchronized void end(String reason, boolean overflow) {
        LedgerException e = new LedgerException(Kind.UNAVAILABLE, reason);
        if (!confirmed.isDone()) {
            confirmed.completeExceptionally(e);
        }
        if (ended == null) {
            ended = new Ended(reason, overflow);
        }
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end("closed by the adapter", false);
    }
}
