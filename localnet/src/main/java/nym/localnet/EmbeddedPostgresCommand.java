package nym.localnet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code localnet postgres}: runs a real PostgreSQL (binaries from Maven Central) for machines that have none,
 * keeping its data between runs, until the process is told to stop. It is what {@code make localnet} falls back to
 * when neither {@code NYM_DB_URL} nor a local server is there.
 */
@Command(name = "postgres", description = "Run an embedded PostgreSQL until stopped (SIGTERM).")
final class EmbeddedPostgresCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "54329", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", required = true, description = "Data directory, kept between runs.")
    Path data;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Files.createDirectories(data);
        boolean existing = Files.exists(data.resolve("PG_VERSION"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (IOException e) {
                                System.err.println(
                                        "localnet: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "postgres-shutdown"));
        System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + port + " (" + (existing ? "existing" : "new")
                + " data in " + data.toAbsolutePath() + ")");
        stopped.await();
        return 0;
    }
}
