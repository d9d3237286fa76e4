package nym.client.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nym.client.ClientException;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;

/**
 * A caller of a running client's local API, presenting the run's {@link ApiSecret}: one request, one answer, over a
 * fresh WebSocket ({@link #exchange}), or {@code GET /stats} ({@link #stats}).
 */
public final class LocalApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String hostPort;
    private final ApiSecret secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** The API at {@code host:port} (loopback), with the secret of the run serving it. */
    public LocalApiClient(String host, int port, ApiSecret secret) {
        this.hostPort = ApiAccessGuard.hostHeader(host, port);
        this.secret = secret;
    }

    /**
     * The API of the client running on {@code home}: address from its {@code config.toml}, secret from its
     * {@code api.secret}.
     *
     * @throws ClientException CONFIG when the config's API port is 0 (the running client's port is unknown), API when
     *     no client runs on the home
     */
    public static LocalApiClient forHome(ClientHome home) {
        ClientConfig.Api api = home.readConfig().api();
        if (api.port() == 0) {
            throw new ClientException(
                    ClientException.Kind.CONFIG, "api.port is 0 in the config: the running client's port is unknown");
        }
        return new LocalApiClient(api.host(), api.port(), ApiSecret.read(home.apiSecretFile()));
    }

    /**
     * Sends one JSON request over a fresh WebSocket and returns the answer.
     *
     * @throws ClientException {@link ClientException.Kind#API} when no client answers in time or the API refuses the
     *     connection (HTTP 403: see the client README, "Local WebSocket API")
     */
    public String exchange(String request) {
        URI uri = URI.create("ws://" + hostPort + "/");
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
            WebSocket ws = http.newWebSocketBuilder()
                    .header("Authorization", secret.authorization())
                    .buildAsync(uri, listener)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ws.sendText(request, true);
            String result = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new ClientException(
                    ClientException.Kind.API,
                    "no running client accepted the request at " + uri + " (start `nymclient run` first): "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.API, "interrupted", e);
        }
    }

    /** {@code GET /stats}: the status code and body (200 with the stats JSON, 403 with the refusal). */
    public HttpResponse<String> stats() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostPort + "/stats"))
                .timeout(TIMEOUT)
                .header("Authorization", secret.authorization())
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClientException(
                    ClientException.Kind.API, "no running client answers at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.Kind.API, "interrupted", e);
        }
    }
}
