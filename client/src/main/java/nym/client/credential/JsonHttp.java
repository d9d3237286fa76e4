package nym.client.credential;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nym.client.ClientException;

/**
 * JSON over HTTP for the credential flow's peers (ledger RPC, issuers, providers): every call bounded by a timeout,
 * every answer read as one JSON object (or none), every transport failure a {@link ClientException} of the caller's
 * kind naming the peer.
 */
final class JsonHttp {

    /** An answer: its status and its body as a JSON object ({@code null} if the body is empty or not an object). */
    record Answer(int status, JsonObject body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The {@code detail} of a problem+json answer, else a generic text. */
        String problem() {
            if (body != null && body.containsKey("detail")) {
                String reason = body.containsKey("reason") && !body.isNull("reason")
                        ? " [" + body.getString("reason", "") + "]"
                        : "";
                return body.getString("detail", "") + reason;
            }
            return "HTTP " + status;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final ClientException.Kind kind;

    JsonHttp(Duration timeout, ClientException.Kind kind) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.kind = kind;
    }

    Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Answer post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest r =
                request.timeout(timeout).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = client.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ClientException(kind, r.uri() + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(kind, "interrupted while waiting for " + r.uri(), e);
        }
        return new Answer(response.statusCode(), parse(response.body()));
    }

    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
