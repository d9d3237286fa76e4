package nym.client.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a client reads from its {@code config.toml}. Built only through {@link ClientConfigFile} (which checks
 * every value) or {@link #defaults}; the records are plain data.
 *
 * @param id the client's name (folder name under {@code ~/.nym/clients})
 * @param directory where the topology comes from and the key that must have signed it
 * @param gateway the gateway this client registered with
 * @param traffic the Poisson streams and loop measurement
 * @param api the local WebSocket API for applications
 * @param payloadSize the network's Sphinx payload size δ (all nodes and clients must agree)
 */
public record ClientConfig(String id, Directory directory, Gateway gateway, Traffic traffic, Api api, int payloadSize) {

    public static final int DEFAULT_PAYLOAD_SIZE = 2048;

    public ClientConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(api, "api");
    }

    /**
     * @param url the directory's base URL
     * @param key the directory's Ed25519 topology key (unpadded base64url), pinned at {@code init}
     * @param refresh how often the topology is fetched again
     */
    public record Directory(URI url, String key, Duration refresh) {
        public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);
    }

    /**
     * @param identityKey the gateway's Ed25519 identity key (unpadded base64url); its Sphinx key and client listener
     *     are read from the verified topology
     */
    public record Gateway(String identityKey) {}

    /**
     * The three independent Poisson streams of Loopix and the loop measurement.
     *
     * @param payloadRate λP (packets/s): a queued real message, else a drop cover packet
     * @param loopRate λL (packets/s): loop cover packets, which return to the client; 0 turns them off
     * @param dropRate λD (packets/s): drop cover packets; 0 turns them off
     * @param averageHopDelay mean of the exponential delay each mix node holds a packet
     * @param loopTimeout a loop packet not back after this is counted as lost
     * @param sendQueueLimit real messages waiting for the payload stream; more are refused
     */
    public record Traffic(
            double payloadRate,
            double loopRate,
            double dropRate,
            Duration averageHopDelay,
            Duration loopTimeout,
            int sendQueueLimit) {
        /**
         * λP = 2/s as the message stream had before (so real throughput is unchanged), λL = λD = 1/s: 4 packets/s
         * in all, whatever the user sends.
         */
        public static final Traffic DEFAULTS =
                new Traffic(2.0, 1.0, 1.0, Duration.ofMillis(50), Duration.ofSeconds(20), 1000);
    }

    /** @param host loopback address of the local WebSocket API; @param port its port (0: any free port) */
    public record Api(String host, int port) {
        public static final Api DEFAULTS = new Api("127.0.0.1", 1977);
    }

    /** A configuration with every documented default. */
    public static ClientConfig defaults(String id, URI directoryUrl, String directoryKey, Gateway gateway) {
        return new ClientConfig(
                id,
                new Directory(directoryUrl, directoryKey, Directory.DEFAULT_REFRESH),
                gateway,
                Traffic.DEFAULTS,
                Api.DEFAULTS,
                DEFAULT_PAYLOAD_SIZE);
    }

    public ClientConfig withTraffic(Traffic newTraffic) {
        return new ClientConfig(id, directory, gateway, newTraffic, api, payloadSize);
    }

    public ClientConfig withApi(Api newApi) {
        return new ClientConfig(id, directory, gateway, traffic, newApi, payloadSize);
    }

    public ClientConfig withDirectory(Directory newDirectory) {
        return new ClientConfig(id, newDirectory, gateway, traffic, api, payloadSize);
    }
}
