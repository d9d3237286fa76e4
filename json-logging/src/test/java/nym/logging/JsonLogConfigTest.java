package nym.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch as the processes use it: a fresh JVM whose LogManager loads {@link JsonLogConfig} by name through the
 * system class loader, as it does from a shaded jar started with {@code -jar}.
 */
class JsonLogConfigTest {

    @Test
    void aFreshJvmLogsJsonLinesWithTheConfigClass() throws Exception {
        String err = runLoggingProcess(
                "-Djava.util.logging.config.class=" + JsonLogConfig.class.getName(), "-Dnym.log.component=mix-1-1");

        List<JsonNode> lines = JsonLines.parse(err);

        assertEquals(2, lines.size(), err);
        JsonNode info = lines.get(0);
        assertEquals("mix-1-1", info.get("component").asText());
        assertEquals("INFO", info.get("level").asText());
        assertEquals("nym.test.Process", info.get("logger").asText());
        assertEquals("main", info.get("thread").asText());
        assertEquals("started port=1,711", info.get("event").asText());
        JsonNode warning = lines.get(1);
        assertEquals("WARNING", warning.get("level").asText());
        assertEquals(
                IllegalStateException.class.getName(),
                warning.get("error").get("class").asText());
        assertTrue(warning.get("error").get("stack").get(0).asText().startsWith(LoggingProcess.class.getName()));
    }

    @Test
    void theFormatterPropertyAloneIsIgnoredByTheJdk() throws Exception {
        // Why JsonLogConfig exists: handler settings are read from the configuration file, not system properties.
        String err =
                runLoggingProcess("-Djava.util.logging.ConsoleHandler.formatter=" + JsonLogFormatter.class.getName());
        assertFalse(err.startsWith("{"), err);
        assertTrue(err.contains("INFO: started port=1,711"), err);
    }

    @Test
    void keepsTheOperatorsConfigurationFileAndSetsOnlyTheFormatter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logging.properties");
        Files.writeString(
                file,
                "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n"
                        + "java.util.logging.ConsoleHandler.formatter=java.util.logging.XMLFormatter\n");

        String err = runLoggingProcess(
                "-Djava.util.logging.config.file=" + file,
                "-Djava.util.logging.config.class=" + JsonLogConfig.class.getName());

        List<JsonNode> lines = JsonLines.parse(err);
        assertEquals(1, lines.size(), err);
        assertEquals("WARNING", lines.get(0).get("level").asText());
        assertEquals("nym", lines.get(0).get("component").asText());
    }

    @Test
    void withoutAConfigurationFileItHasTheJdksDefaults() {
        String saved = System.getProperty("java.util.logging.config.file");
        System.setProperty("java.util.logging.config.file", "/nonexistent/logging.properties");
        try {
            Properties config = JsonLogConfig.configuration();
            assertEquals("java.util.logging.ConsoleHandler", config.getProperty("handlers"));
            assertEquals("INFO", config.getProperty(".level"));
            assertEquals(JsonLogFormatter.class.getName(), config.getProperty(JsonLogConfig.FORMATTER_KEY));
        } finally {
            if (saved == null) {
                System.clearProperty("java.util.logging.config.file");
            } else {
                System.setProperty("java.util.logging.config.file", saved);
            }
        }
    }

    private static String runLoggingProcess(String... jvmOptions)
            throws IOException, InterruptedException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a fixed locale, so "1,711" is what MessageFormat makes of 1711
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(location(JsonLogFormatter.class) + File.pathSeparator + location(LoggingProcess.class));
        command.add(LoggingProcess.class.getName());
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] err = process.getErrorStream().readAllBytes();
        // a bound so a broken JVM cannot hang the build; not a timing assertion
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the logging process did not exit");
        assertEquals(0, process.exitValue(), new String(err, StandardCharsets.UTF_8));
        return new String(err, StandardCharsets.US_ASCII);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
