package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** The application's MicroProfile Metrics of one server, read from its Prometheus text ({@code /metrics}). */
final class AppMetrics {

    private AppMetrics() {}

    /**
     * The sum of every series of {@code name} (e.g. {@code nym_issuer_partial_credentials_total}) whose labels contain
     * each of {@code labels} (e.g. {@code outcome="issued"}); 0 when there is none yet (counters appear on first use).
     */
    /**
     * Waits up to {@code timeout} until {@link #sum} reaches {@code atLeast}; returns the last sum. Counters of
     * authorities trail the ledger: an authority whose vote came after the threshold was reached (its transaction
     * left out of the block and dropped from the mempool) counts it only when its retry is refused as settled.
     */
    static double awaitSum(URI server, double atLeast, java.time.Duration timeout, String name, String... labels)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        double now = sum(server, name, labels);
        while (now < atLeast && System.nanoTime() < end) {
            Thread.sleep(500);
            now = sum(server, name, labels);
        }
        return now;
    }

    static double sum(URI server, String name, String... labels) throws Exception {
        HttpResponse<String> r = Http.get(server, "/metrics?scope=application");
        if (r.statusCode() == 404) {
            return 0; // no application metric registered yet
        }
        assertEquals(200, r.statusCode(), r.body());
        return r.body()
                .lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
