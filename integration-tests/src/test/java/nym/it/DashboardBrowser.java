package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs directory-war's headless-browser test ({@code directory-war/browser-test/dashboard.test.mjs}: Debian's
 * chromium driven by playwright-core from npm) against a running directory and fails with its output if it fails.
 * Missing chromium or npm packages fail the test with what to install: nothing is skipped.
 */
final class DashboardBrowser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private DashboardBrowser() {}

    /** @return the script's output */
    static String run(URI base) throws Exception {
        Path dir = projectRoot().resolve("directory-war/browser-test");
        assertTrue(
                Files.isExecutable(CHROMIUM),
                CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), or set CHROMIUM");
        assertTrue(
                Files.isDirectory(dir.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: npm ci --prefix " + dir + " (make test does it)");
        Path log = Files.createTempFile("dashboard-test", ".log");
        try {
            ProcessBuilder command = new ProcessBuilder("node", "dashboard.test.mjs")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().put("BASE", base.toString());
            command.environment().put("CHROMIUM", CHROMIUM.toString());
            Process node = command.start();
            boolean finished = node.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.print(output);
            assertTrue(finished, "dashboard test did not finish within 120 s:\n" + output);
            assertEquals(0, node.exitValue(), "dashboard test failed:\n" + output);
            return output;
        } finally {
            Files.delete(log);
        }
    }
    /** The work tree: payara-config/bin/nym-payara is three levels below it. */
    private static Path projectRoot() {
        return TestEnvironment.payaraScript()
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent();
    }
}
