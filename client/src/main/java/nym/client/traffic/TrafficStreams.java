package nym.client.traffic;

import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The client's three independent Poisson streams, as in Loopix:
 *
 * <ul>
 *   <li>payload, rate λP: the oldest queued real message (or reply), else a drop cover packet;
 *   <li>loop, rate λL: a loop cover packet that returns to this client;
 *   <li>drop, rate λD: a drop cover packet.
 * </ul>
 *
 * A real message only ever takes the place of a payload-stream drop: the loop and drop streams, and so the rate of
 * packets returning to the client, are the same whether or not the user sends. To an observer the client's packets
 * form one Poisson process of rate λP + λL + λD.
 */
public final class TrafficStreams {

    /** What a stream tick sends. Called on the scheduler's thread; failures are the sender's to count. */
    public interface PacketSender {
        /** Sends the oldest queued real message or reply; false when none is queued (the tick then sends a drop). */
        boolean sendQueued();

        void sendLoop();

        void sendDrop();
    }

    private final PoissonStream payload;
    private final PoissonStream loop;
    private final PoissonStream drop;

    /**
     * @param rates λP, λL, λD in packets per second (0 turns a stream off)
     * @param randoms a fresh random generator for each stream, so that the streams are independent
     */
    public TrafficStreams(Rates rates, Supplier<RandomGenerator> randoms, PacketSender sender) {
        this.payload = new PoissonStream("payload", rates.payload(), randoms.get(), () -> {
            if (!sender.sendQueued()) {
                sender.sendDrop();
            }
        });
        this.loop = new PoissonStream("loop", rates.loop(), randoms.get(), sender::sendLoop);
        this.drop = new PoissonStream("drop", rates.drop(), randoms.get(), sender::sendDrop);
    }

    /** λP, λL and λD in packets per second. */
    public record Rates(double payload, double loop, double drop) {}

    public void start(StreamScheduler scheduler) {
        all().forEach(s -> s.start(scheduler));
    }

    public void stop() {
        all().forEach(PoissonStream::stop);
    }

    private List<PoissonStream> all() {
        return List.of(payload, loop, drop);
    }
}
