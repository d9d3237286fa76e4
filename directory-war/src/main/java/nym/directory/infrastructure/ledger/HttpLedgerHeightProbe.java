package nym.directory.infrastructure.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import nym.directory.application.LedgerHeightProbe;

/**
 * {@link LedgerHeightProbe} over CometBFT's {@code GET <rpc>/status} ({@code result.sync_info.latest_block_height}).
 * Not through the EAR's ledger adapter: that one fails over to whichever configured node answers, and here each
 * authority's own validator is asked. Bounded: 2 s to connect, 2 s for the answer.
 */
@ApplicationScoped
public class HttpLedgerHeightProbe implements LedgerHeightProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public CompletableFuture<Long> latestHeight(String ledgerRpc) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(ledgerRpc.replaceAll("/+$", "") + "/status"))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e); // announcements are checked; a bad URL still answers per row
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HttpLedgerHeightProbe::height);
    }

    static long height(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("status answered HTTP " + answer.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject sync = reader.readObject().getJsonObject("result").getJsonObject("sync_info");
            return Long.parseLong(sync.getString("latest_block_height"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("status answer without result.sync_info.latest_block_height", e);
        }
    }
}
