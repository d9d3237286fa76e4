package nym.client.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import nym.client.topology.MixNode;
import nym.client.topology.RouteSelector;
import nym.directory.api.AuthoritySet;

/**
 * Everything a client reads from its {@code config.toml}. Built only through {@link ClientConfigFile} (which checks
 * every value) or {@link #defaults}; the records are plain data.
 *
 * @param id the client's name (folder name under {@code ~/.nym/clients})
 * @param directory where the epoch documents come from
 * @param authorities the pinned topology authorities: a document needs t valid signatures of their keys
 * @param gateway the gateway this client registered with
 * @param traffic overrides of the documents' mixing parameters, the loop measurement and the send queue
 * @param api the local WebSocket API for applications
 * @param routing how routes pick mix nodes by their performance
 * @param payloadSize the network's Sphinx payload size δ (all nodes and clients must agree)
 */
public record ClientConfig(
        String id,
        Directory directory,
        Authorities authorities,
        Gateway gateway,
        Traffic traffic,
        Api api,
        Routing routing,
        int payloadSize) {

    public static final int DEFAULT_PAYLOAD_SIZE = 2048;

    public ClientConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(authorities, "authorities");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(routing, "routing");
    }

    /**
     * @param url the directory's base URL
     * @param refresh how often the next epoch's document is looked for while none is held (and a failed fetch tried
     *     again); the switch itself happens at the epoch boundary
     */
    public record Directory(URI url, Duration refresh) {
        public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);
    }

    /**
     * The pinned topology authorities: their Ed25519 keys (unpadded base64url, authority 1 first) and the threshold t
     * of valid signatures an epoch document needs.
     */
    public record Authorities(List<String> keys, int threshold) {

        /**
         * Clients read the schedule from the documents; the epoch length an {@link AuthoritySet} carries is read by
         * the authorities only, so the client's set gets this placeholder.
         */
        private static final long UNUSED_EPOCH_SECONDS = 3600;

        /** @throws nym.directory.api.DirectoryException when a key is malformed or listed twice, or t is not 1..n */
        public Authorities {
            keys = List.copyOf(keys);
            new AuthoritySet(keys, threshold, UNUSED_EPOCH_SECONDS);
        }

        public static Authorities of(AuthoritySet set) {
            return new Authorities(set.keys(), set.threshold());
        }

        /** What {@link nym.directory.api.TrustedEpochs} checks documents against. */
        public AuthoritySet asSet() {
            return new AuthoritySet(keys, threshold, UNUSED_EPOCH_SECONDS);
        }
    }

    /**
     * @param identityKey the gateway's Ed25519 identity key (unpadded base64url); its Sphinx key and client listener
     *     are read from the verified topology
     * @param topUpBelowBytes a metered gateway is paid with a credential when the balance it reports is below this
     */
    public record Gateway(String identityKey, long topUpBelowBytes) {
        public static final long DEFAULT_TOPUP_BELOW_BYTES = 1_048_576;

        /** The gateway with the default top-up threshold. */
        public Gateway(String identityKey) {
            this(identityKey, DEFAULT_TOPUP_BELOW_BYTES);
        }
    }

    /**
     * The client's side of the three Poisson streams of Loopix. Their rates λP, λL, λD and the mean hop delay come from
     * each epoch document ({@link nym.client.topology.Mixing}); {@code mixing} overrides them only where set.
     *
     * @param mixing the document's mixing parameters this client replaces (none by default)
     * @param loopTimeout a loop packet not back after this is counted as lost
     * @param sendQueueLimit real messages waiting for the payload stream; more are refused
     */
    public record Traffic(MixingOverride mixing, Duration loopTimeout, int sendQueueLimit) {
        public static final Traffic DEFAULTS = new Traffic(MixingOverride.NONE, Duration.ofSeconds(20), 1000);

        public Traffic {
            Objects.requireNonNull(mixing, "mixing");
        }
    }

    /** @param host loopback address of the local WebSocket API; @param port its port (0: any free port) */
    public record Api(String host, int port) {
        public static final Api DEFAULTS = new Api("127.0.0.1", 1977);
    }

    /**
     * @param minPerformance mix nodes the network monitors scored below this (per mille, 0..1000) are left out of
     *     routes while their layer has others ({@link nym.client.topology.RouteSelector})
     */
    public record Routing(int minPerformance) {
        public static final Routing DEFAULTS = new Routing(RouteSelector.DEFAULT_MIN_PERFORMANCE);

        public Routing {
            if (minPerformance < 0 || minPerformance > MixNode.FULL_PERFORMANCE) {
                throw new IllegalArgumentException(
                        "routing.min_performance is per mille, 0.." + MixNode.FULL_PERFORMANCE + ": " + minPerformance);
            }
        }
    }

    /** A configuration with every documented default. */
    public static ClientConfig defaults(String id, URI directoryUrl, Authorities authorities, Gateway gateway) {
        return new ClientConfig(
                id,
                new Directory(directoryUrl, Directory.DEFAULT_REFRESH),
                authorities,
                gateway,
                Traffic.DEFAULTS,
                Api.DEFAULTS,
                Routing.DEFAULTS,
                DEFAULT_PAYLOAD_SIZE);
    }

    public ClientConfig withTraffic(Traffic newTraffic) {
        return new ClientConfig(id, directory, authorities, gateway, newTraffic, api, routing, payloadSize);
    }

    public ClientConfig withApi(Api newApi) {
        return new ClientConfig(id, directory, authorities, gateway, traffic, newApi, routing, payloadSize);
    }

    public ClientConfig withDirectory(Directory newDirectory) {
        return new ClientConfig(id, newDirectory, authorities, gateway, traffic, api, routing, payloadSize);
    }

    public ClientConfig withRouting(Routing newRouting) {
        return new ClientConfig(id, directory, authorities, gateway, traffic, api, newRouting, payloadSize);
    }
}
