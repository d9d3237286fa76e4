package nym.ethereum.devchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.ethereum.DevelopmentKeys;

/**
 * A local Ethereum chain: the anvil binary from the npm package {@code @foundry-rs/anvil-linux-amd64}, installed
 * by {@code npm ci --prefix ethereum/tools}. Listens on 127.0.0.1 only, on a free port unless one is given, with
 * the development mnemonic, and always mines on a block timer: a chain that mines one block per transaction
 * (anvil's automine) stalls under bursts.
 */
public final class Anvil implements AutoCloseable {

    /** System property naming the binary ({@code nym.anvil}; the Maven builds set it). */
    public static final String BINARY_PROPERTY = "nym.anvil";

    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private Anvil(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts anvil with {@code blockTime} seconds between blocks, on a free port, logging into {@code log}. */
    public static Anvil start(int blockTimeSeconds, Path log) {
        return start(blockTimeSeconds, 0, log);
    }

    /** Starts anvil on {@code port} (0: a free one) and waits until it listens. */
    public static Anvil start(int blockTimeSeconds, int port, Path log) {
        if (blockTimeSeconds < 1) {
            throw new IllegalArgumentException("anvil needs a block time of at least 1 s (automine stalls on bursts)");
        }
        List<String> command = new ArrayList<>(List.of(
                binary().toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--block-time",
                Integer.toString(blockTimeSeconds),
                "--mnemonic",
                DevelopmentKeys.MNEMONIC));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Anvil(p, awaitPort(p, log), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start anvil: " + e.getMessage(), e);
        }
    }

    /** The binary: {@code -Dnym.anvil}, else {@code ethereum/tools/node_modules/...} from here or a parent. */
    public static Path binary() {
        String configured = System.getProperty(BINARY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("no anvil at " + p + ": run `npm ci --prefix ethereum/tools`");
            }
            return p;
        }
        Path installed = Path.of("ethereum/tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(installed))) {
                return dir.resolve(installed);
            }
        }
        throw new IllegalStateException("anvil is not installed: run `npm ci --prefix ethereum/tools`");
    }

    private static int awaitPort(Process p, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("anvil exited with " + p.exitValue() + "; see " + log);
            }
            sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("anvil did not listen within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public int port() {
        return port;
    }

    /** The JSON-RPC URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
