package nym.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads of the directory shared by its tests: polling the topology, the metrics WebSocket. */
final class DirectoryProbe {

    private DirectoryProbe() {}

    /** Polls the topology until {@code condition} holds on its body; returns the last answer. */
    static HttpResponse<String> awaitTopology(URI base, Predicate<String> condition, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last;
        do {
            last = Http.get(base, "/api/presence/topology");
            if (last.statusCode() == 200 && condition.test(last.body())) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("topology at " + base + " never matched in " + timeout + "; last: " + last.statusCode()
                + " " + last.body());
    }

    /** A WebSocket subscriber of {@code /ws} that queues what it receives. */
    static final class Subscriber implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Subscriber open(URI base) throws Exception {
            Subscriber s = new Subscriber();
            URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
            s.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(ws, s)
                    .get(20, TimeUnit.SECONDS);
            return s;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.add(statusCode);
            return null;
        }

        /** Waits for a message containing {@code text}. */
        String await(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String m = messages.poll(200, TimeUnit.MILLISECONDS);
                if (m != null && m.contains(text)) {
                    return m;
                }
            }
            throw new AssertionError("no WebSocket message containing " + text + " within " + timeout);
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
