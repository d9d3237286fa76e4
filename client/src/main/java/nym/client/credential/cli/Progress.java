package nym.client.credential.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The step-by-step display of the credential flow: {@code [i/n] step ... result (seconds)}, and the time each step
 * took, for the summary and the timing script.
 */
final class Progress {

    /** One finished step and how long it took. */
    record Timing(String step, Duration took) {}

    private final PrintWriter out;
    private final int steps;
    private final List<Timing> timings = new ArrayList<>();
    private int current;
    /** Width of the current step's header, and whether its line still waits for the result. */
    private int headerWidth;

    private boolean lineOpen;

    Progress(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    <T> T step(String label, Supplier<T> action, Function<T, String> result) {
        current++;
        String header = String.format(Locale.ROOT, "[%d/%d] %-40s ", current, steps, label + " ...");
        out.print(header);
        out.flush();
        headerWidth = header.length();
        lineOpen = true;
        long start = System.nanoTime();
        T value = action.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.add(new Timing(label, took));
        if (!lineOpen) {
            out.print(" ".repeat(headerWidth)); // notes broke the line: the result goes under the header's column
        }
        lineOpen = false;
        out.printf(Locale.ROOT, "%s (%.2f s)%n", result.apply(value), took.toNanos() / 1e9);
        out.flush();
        return value;
    }

    void skip(String label, String why) {
        current++;
        out.printf(Locale.ROOT, "[%d/%d] %-40s skipped: %s%n", current, steps, label + " ...", why);
        out.flush();
    }

    /** A line under the current step (an issuer skipped, a note). */
    void note(String line) {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.println("        " + line);
        out.flush();
    }

    List<Timing> timings() {
        return List.copyOf(timings);
    }

    /** Each step's time and share of the total, as a table. */
    void summary() {
        double total = timings.stream().mapToLong(t -> t.took().toNanos()).sum() / 1e9;
        out.printf(Locale.ROOT, "%nstep                                    seconds   share%n");
        for (Timing t : timings) {
            double s = t.took().toNanos() / 1e9;
            out.printf(Locale.ROOT, "%-38s %8.2f %6.1f %%%n", t.step(), s, total == 0 ? 0 : 100 * s / total);
        }
        out.printf(Locale.ROOT, "%-38s %8.2f%n", "total", total);
        out.flush();
    }
}
