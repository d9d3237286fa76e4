package nym.client.credential.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.client.config.ClientConfig;
import nym.client.config.ClientHome;
import nym.client.credential.GatewayPayment;
import nym.client.credential.StoredCredential;
import nym.client.gateway.DeliveredOnce;
import nym.client.gateway.GatewayLink;
import nym.client.gateway.GatewaySession;
import nym.client.keys.ClientKeys;
import nym.client.runtime.BandwidthStatus;
import nym.client.runtime.MixnetClient;
import nym.client.runtime.ReceivedMessage;
import nym.client.topology.GatewayNode;
import nym.client.topology.TopologySource;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.gateway.api.Authenticated;
import nym.sphinx.SphinxParams;

/**
 * The demo's mixnet part: an ephemeral client (fresh keys, held in memory only) registers at a gateway of the signed
 * epoch document, pays it with the credential just collected, then sends a message to itself through the mixnet and
 * waits for it. Its registration stays at the gateway until the gateway expires it (an idle inbox).
 */
final class GatewayDemo {

    /** Longer than the gateway's report interval (5 s by default). */
    private static final Duration REPORT_WAIT = Duration.ofSeconds(7);

    /** Where the epoch documents come from and whose signatures they need. */
    record Network(URI directory, AuthoritySet authorities) {

        /** The home's client settings when it holds a client, else the localnet directory and the tree's file. */
        static Network of(ClientHome home, URI directory, Path networkHome) {
            if (home.isInitialised()) {
                ClientConfig c = home.readConfig();
                return new Network(c.directory().url(), c.authorities().asSet());
            }
            Path file = networkHome.resolve(AuthoritySet.TREE_FILE);
            try {
                return new Network(directory, AuthoritySet.load(file));
            } catch (IOException | DirectoryException e) {
                throw new ClientException(
                        Kind.CONFIG, "cannot read the authorities " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The message came back after {@code took}; {@code bandwidth} was left at the gateway then. */
    record RoundTrip(Duration took, BandwidthStatus bandwidth) {}

    private final Network network;
    private final ClientKeys keys = ClientKeys.generate(new SecureRandom());
    private GatewayNode gateway;

    GatewayDemo(Network network) {
        this.network = network;
    }

    /** The chosen gateway's identity key (after {@link #pay}). */
    String gatewayKey() {
        return gateway.identityKey();
    }

    /** Picks a gateway of the current signed document, registers there and spends {@code c} for bandwidth. */
    GatewayPayment.Paid pay(StoredCredential c, GatewayPayment payment) {
        List<GatewayNode> gateways = TopologySource.of(network.directory(), network.authorities())
                .fetch()
                .gateways();
        if (gateways.isEmpty()) {
            throw new ClientException(Kind.TOPOLOGY, "the epoch document has no gateway");
        }
        gateway = gateways.get(new SecureRandom().nextInt(gateways.size()));
        SphinxParams sphinx = new SphinxParams(ClientConfig.DEFAULT_PAYLOAD_SIZE);
        GatewayLink link = GatewayLink.of(
                gateway.clientListener(),
                Keys.decode(gateway.identityKey(), Keys.PUBLIC_KEY_BYTES, "gateway identity key"),
                sphinx.packetSize(),
                sphinx.payloadSize());
        GatewaySession.register(link, keys);
        try (GatewaySession session =
                GatewaySession.open(link, keys, new DeliveredOnce(1), d -> {}, e -> {}, b -> {}, x -> {})) {
            if (session.bandwidthAtStart() == Authenticated.UNMETERED) {
                throw new ClientException(
                        Kind.GATEWAY,
                        "gateway " + gateway.identityKey() + " takes no credentials (unmetered): nothing to pay");
            }
            return payment.payWith(c, session::spend, gateway.identityKey());
        }
    }

    /**
     * Runs a client on the paid keys, sends a message to its own address and waits until it arrived; the bandwidth is
     * the gateway's next report below {@code paidBalance} (reports come every few seconds).
     */
    RoundTrip sendToSelf(Duration timeout, long paidBalance) {
        ClientConfig config = ClientConfig.defaults(
                "demo",
                network.directory(),
                ClientConfig.Authorities.of(network.authorities()),
                new ClientConfig.Gateway(gateway.identityKey(), 0));
        byte[] nonce = new byte[8];
        new SecureRandom().nextBytes(nonce);
        byte[] text = ("paid for by a credential " + HexFormat.of().formatHex(nonce)).getBytes(StandardCharsets.UTF_8);
        try (MixnetClient client = MixnetClient.start(config, keys, g -> {
            throw new ClientException(Kind.CREDENTIAL, "the demo pays its gateway once");
        })) {
            long start = System.nanoTime();
            client.send(client.address(), text, false);
            while (System.nanoTime() - start < timeout.toNanos()) {
                for (ReceivedMessage m : client.fetch(100)) {
                    if (Arrays.equals(m.message(), text)) {
                        Duration took = Duration.ofNanos(System.nanoTime() - start);
                        return new RoundTrip(took, reportedAfter(client, paidBalance));
                    }
                }
                sleep();
            }
            throw new ClientException(
                    Kind.MESSAGE,
                    "the message did not come back through the mixnet within " + timeout.toSeconds() + " s");
        }
    }

    /** The first balance the gateway reports below {@code paidBalance}, or the last one after {@link #REPORT_WAIT}. */
    private static BandwidthStatus reportedAfter(MixnetClient client, long paidBalance) {
        long end = System.nanoTime() + REPORT_WAIT.toNanos();
        BandwidthStatus status = client.status().bandwidth();
        while (status.balance() >= paidBalance && System.nanoTime() < end) {
            sleep();
            status = client.status().bandwidth();
        }
        return status;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(Kind.MESSAGE, "interrupted waiting for the message", e);
        }
    }
}
