package nym.logging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.ConsoleHandler;
import java.util.logging.LogManager;

/**
 * Switches a process's console log to JSON lines from the command line:
 * {@code java -Djava.util.logging.config.class=nym.logging.JsonLogConfig -Dnym.log.component=mix-1-1 -jar …}.
 *
 * <p>Needed because the JDK reads handler settings such as {@code java.util.logging.ConsoleHandler.formatter} only
 * from the logging configuration file, never from system properties: {@code -Djava.util.logging.ConsoleHandler
 * .formatter=…} alone changes nothing. The LogManager instantiates this class through the system class loader (a
 * shaded jar run with {@code -jar} is on it) and its constructor supplies the configuration: the one the process would
 * otherwise have read ({@code java.util.logging.config.file}, else the JDK's {@code conf/logging.properties}) with
 * the console handler's formatter set to {@link JsonLogFormatter}.
 */
public final class JsonLogConfig {
    static final String FORMATTER_KEY = ConsoleHandler.class.getName() + ".formatter";

    public JsonLogConfig() throws IOException {
        LogManager.getLogManager().readConfiguration(asStream(configuration()));
    }

    static Properties configuration() {
        Properties config = new Properties();
        Path base = baseFile();
        if (base != null && Files.isReadable(base)) {
            try (InputStream in = Files.newInputStream(base)) {
                config.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read logging configuration " + base, e);
            }
        } else {
            // What the JDK's own file says, for a runtime image without one.
            config.setProperty("handlers", ConsoleHandler.class.getName());
            config.setProperty(".level", "INFO");
            config.setProperty(ConsoleHandler.class.getName() + ".level", "INFO");
        }
        config.setProperty(FORMATTER_KEY, JsonLogFormatter.class.getName());
        return config;
    }

    private static Path baseFile() {
        String file = System.getProperty("java.util.logging.config.file");
        if (file != null) {
            return Path.of(file);
        }
        String javaHome = System.getProperty("java.home");
        return javaHome == null ? null : Path.of(javaHome, "conf", "logging.properties");
    }

    private static InputStream asStream(Properties config) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        config.store(bytes, null);
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
