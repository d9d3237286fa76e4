package nym.ledger.comet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A child process whose output is appended to a log file; stopped politely (SIGTERM) or killed (SIGKILL). */
final class ChildProcess {
    private static final long STOP_GRACE_SECONDS = 20;

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    ChildProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    synchronized void start() throws IOException {
        if (alive()) {
            return;
        }
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL if it has not ended after a grace period. */
    synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed (a crash). */
    synchronized void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly().waitFor();
        process = null;
    }

    Path log() {
        return log;
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
