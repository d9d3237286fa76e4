package nym.client.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nym.client.ClientException;

/** A one-shot caller of a running client's local API: one request, one answer, over a fresh WebSocket. */
public final class LocalApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private LocalApiClient() {}

    /**
     * @throws ClientException {@link ClientException.Kind#API} when no client answers at {@code uri} in time
     */
    public static String exchange(URI uri, String request) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    answer.complete(text.toString());
                }
                ws.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                answer.completeExceptionally(error);
            }
        };
        try {
            WebSocket ws = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .build()
                    .newWebSocketBuilder()
                    .buildAsync(uri, listener)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ws.sendText(request, true);
            String result = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new ClientException(
                    ClientException.Kind.API,
                    "no running client answers at " + uri + " (start `nymclient run` first): " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.API, "interrupted", e);
        }
    }
}
