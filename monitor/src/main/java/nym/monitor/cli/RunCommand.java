package nym.monitor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nym.monitor.EpochSchedule;
import nym.monitor.NetworkMonitor;
import nym.monitor.config.MonitorConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nym-monitor run}: the monitor's clients and its epoch reports, until SIGTERM/SIGINT. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the monitor: its clients' loops, one MonitorReport per epoch.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, description = "Monitor home folder (monitor.toml).")
    Path home;

    @Override
    public Integer call() throws InterruptedException {
        NetworkMonitor monitor = NetworkMonitor.start(MonitorConfigFile.read(home.resolve(MonitorConfigFile.NAME)));
        EpochSchedule s = monitor.schedule();
        System.out.println("nym-monitor running: " + monitor.clientCount() + " clients; epochs of "
                + s.epochMillis() / 1000 + " s, samples sent in the first " + (s.epochMillis() / 2 - s.waitMillis())
                + " ms of each, reported at " + s.epochMillis() / 2 + " ms");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            monitor.close();
                            stopped.countDown();
                        },
                        "nym-monitor-shutdown"));
        stopped.await();
        return 0;
    }
}
