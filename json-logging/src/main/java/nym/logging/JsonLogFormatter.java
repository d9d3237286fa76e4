package nym.logging;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * One JSON object per record, on one line: {@code time}, {@code component}, {@code level}, {@code logger},
 * {@code thread}, {@code event} and, for a record with a throwable, {@code error}.
 *
 * <p>The event is the message as {@link java.util.logging.SimpleFormatter} would print it (parameters applied by
 * {@link #formatMessage}); {@code key=value} pieces stay in it unparsed, so the text format and this one say the same
 * thing. The formatter only changes the shape of what the code logs: what may be logged (no secrets, no client
 * addresses, no message content) is decided where the log calls are.
 */
public class JsonLogFormatter extends Formatter {
    /** The system property naming the process in every line; wins over any configured name. */
    public static final String COMPONENT_PROPERTY = "nym.log.component";

    /** The name when neither the property nor the configuration names one. */
    public static final String DEFAULT_COMPONENT = "nym";

    // A cause chain is a list in practice; the bound only keeps a pathological one from filling the log.
    private static final int MAX_CAUSES = 8;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String component;

    /**
     * The constructor the LogManager calls (by class name, from a handler's {@code .formatter} property); the
     * component may then come from the logging configuration's {@code nym.logging.JsonLogFormatter.component}.
     */
    public JsonLogFormatter() {
        this(LogManager.getLogManager().getProperty(JsonLogFormatter.class.getName() + ".component"));
    }

    /** A formatter named {@code configuredComponent} unless the system property names the process. */
    public JsonLogFormatter(String configuredComponent) {
        this.component = resolveComponent(System.getProperty(COMPONENT_PROPERTY), configuredComponent);
    }

    static String resolveComponent(String property, String configured) {
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return DEFAULT_COMPONENT;
    }

    /** The name this formatter writes into every line. */
    public String component() {
        return component;
    }

    @Override
    public String format(LogRecord record) {
        JsonObject line = new JsonObject();
        line.string("time", TIME.format(record.getInstant()));
        line.string("component", component);
        line.string("level", record.getLevel().getName());
        line.string("logger", record.getLoggerName());
        line.string("thread", threadOf(record));
        line.string("event", formatMessage(record));
        if (record.getThrown() != null) {
            line.raw("error", error(record.getThrown()));
        }
        // "\n", not the platform's separator: a JSON-lines file has one record per LF-terminated line everywhere.
        return line.close() + "\n";
    }

    // A record carries only the thread's id; handlers publish on the logging thread, so its name is at hand in the
    // usual case. A record formatted elsewhere (handed over, or replayed) gets the id rather than a wrong name.
    private static String threadOf(LogRecord record) {
        Thread current = Thread.currentThread();
        return current.getId() == record.getLongThreadID() ? current.getName() : "#" + record.getLongThreadID();
    }

    private static String error(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return error(thrown, seen, 0);
    }

    private static String error(Throwable t, Set<Throwable> seen, int depth) {
        seen.add(t);
        JsonObject error = new JsonObject();
        error.string("class", t.getClass().getName());
        error.string("message", t.getMessage());
        error.stringArray("stack", t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && depth + 1 < MAX_CAUSES && !seen.contains(cause)) {
            error.raw("cause", error(cause, seen, depth + 1));
        }
        return error.close();
    }
}
