package nym.client.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nym.client.ClientException;
import nym.client.qos.LoopReport;
import nym.client.runtime.BandwidthStatus;
import nym.client.runtime.ClientStatus;
import nym.client.runtime.ReceivedMessage;
import nym.client.topology.Mixing;
import nym.client.traffic.TrafficCounters;
import nym.gateway.api.Authenticated;

/** A {@link ClientOperations} that records what it is asked to send and refuses recipients starting with "bad". */
final class RecordingClient implements ClientOperations {

    record Sent(String recipient, byte[] message, boolean withSurb) {}

    final List<Sent> sent = new ArrayList<>();
    final List<String> replies = new ArrayList<>();
    final List<ReceivedMessage> inbox = new ArrayList<>();

    @Override
    public String address() {
        return "me@gw";
    }

    @Override
    public synchronized void send(String recipient, byte[] message, boolean withSurb) {
        if (recipient.startsWith("bad")) {
            throw new ClientException(ClientException.Kind.ADDRESS, "bad recipient address: " + recipient);
        }
        sent.add(new Sent(recipient, message, withSurb));
    }

    @Override
    public synchronized void reply(String surbHandle, byte[] message) {
        replies.add(surbHandle);
    }

    @Override
    public synchronized List<ReceivedMessage> fetch(int max) {
        List<ReceivedMessage> out = List.copyOf(inbox);
        inbox.clear();
        return out;
    }

    @Override
    public ClientStatus status() {
        return new ClientStatus(
                address(),
                true,
                1L,
                2L,
                new Mixing(Duration.ofMillis(50), 2.0, 1.0, 1.0),
                List.of(2, 2, 2),
                0,
                0,
                new TrafficCounters().snapshot(),
                new LoopReport(0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of()),
                new BandwidthStatus(Authenticated.UNMETERED, 0, 0, 0));
    }

    synchronized int actions() {
        return sent.size() + replies.size();
    }

    static ReceivedMessage received(byte[] bytes, String handle) {
        return new ReceivedMessage(bytes, false, Optional.ofNullable(handle));
    }
}
