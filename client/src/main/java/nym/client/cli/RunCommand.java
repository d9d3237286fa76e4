package nym.client.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nym.client.runtime.ClientStatus;
import nym.client.runtime.MixnetClient;
import nym.client.traffic.TrafficCounters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nymclient run}: the client with its Poisson streams, gateway session and local API, until SIGTERM/SIGINT.
 * Prints the loop statistics and traffic counters every {@code --report-every}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the client: cover traffic, message sending, inbox, local WebSocket API.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Option(
            names = "--report-every",
            defaultValue = "10",
            description = "Seconds between the statistics lines printed (default: ${DEFAULT-VALUE}).")
    long reportSeconds;

    @Override
    public Integer call() throws InterruptedException {
        RunningClient running = RunningClient.start(home.home());
        MixnetClient client = running.client();
        System.out.println("nymclient " + running.config().id() + " running");
        System.out.println("address: " + client.address());
        System.out.println("local API: " + running.apiUrl() + " (statistics: " + running.statsUrl() + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.close();
                            stopped.countDown();
                        },
                        "nymclient-shutdown"));
        Duration every = Duration.ofSeconds(Math.max(1, reportSeconds));
        while (!stopped.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.println(report(client.status()));
        }
        return 0;
    }

    static String report(ClientStatus s) {
        TrafficCounters.Snapshot t = s.traffic();
        return s.loops().summary() + " | sent real=" + t.realSent() + " replies=" + t.repliesSent() + " loops="
                + t.loopsSent() + " drops=" + t.dropsSent() + " failed=" + t.sendFailures() + " | received="
                + t.messagesReceived() + " replies=" + t.repliesReceived() + " queued=" + s.queued()
                + " gateway=" + (s.gatewayConnected() ? "connected" : "DISCONNECTED") + " epoch=" + s.epoch()
                + " bandwidth=" + s.bandwidth().text() + " no_bandwidth="
                + s.bandwidth().noBandwidth();
    }
}
