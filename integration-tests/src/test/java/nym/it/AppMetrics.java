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
