package nym.client.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import nym.client.ClientException;
import nym.client.config.ClientConfig;
import nym.client.config.ClientConfigFile;
import nym.client.config.ClientHome;
import nym.client.credential.CredentialConfig;
import nym.client.credential.CredentialConfigFile;
import nym.client.credential.GatewayPayment;
import nym.client.gateway.DeliveredOnce;
import nym.client.gateway.GatewayLink;
import nym.client.gateway.GatewaySession;
import nym.client.keys.ClientKeys;
import nym.client.runtime.BandwidthStatus;
import nym.client.topology.GatewayNode;
import nym.client.topology.MixTopology;
import nym.client.topology.TopologySource;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;
import nym.gateway.api.Authenticated;
import nym.gateway.api.ClientAddress;
import nym.sphinx.SphinxParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nymclient init}: the topology authorities pinned (from the network tree's authority file, else trusted on
 * first use with a warning), new keys, a gateway chosen from the current epoch's signed document, registration (a
 * challenge-response on the Noise link, no secret kept), with {@code --network-home} the {@code [credential]} section
 * of that network tree, a first payment when the gateway charges for bandwidth, then config.toml. Keys and config are
 * written only when every step succeeded, and an existing home is never overwritten; a credential bought on the way
 * stays in the home's wallet (its NYM are paid) and the next {@code init} spends it first. Non-interactive.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = "Create a client: keys, gateway registration and config.toml in the home folder.")
final class InitCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(InitCommand.class.getName());
    /** The authorities (issuers) of a localnet tree, as `nymclient credential init` assumes by default. */
    private static final int AUTHORITIES = 3;

    @Mixin
    HomeOption home;

    @Option(names = "--directory", required = true, description = "Directory base URL, e.g. http://127.0.0.1:8080")
    URI directory;

    @Option(
            names = "--authorities",
            description = "The topology authorities to pin: the network tree's directory/authorities.properties."
                    + " Without it the authorities the directory names are pinned (trust on first use, a warning).")
    Path authoritiesFile;

    @Option(
            names = "--gateway",
            description = "Identity key of the gateway to register with (default: one picked at random from the"
                    + " topology).")
    String gateway;

    @Option(
            names = "--api-port",
            defaultValue = "1977",
            description = "Port of the local WebSocket API, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(
            names = "--network-home",
            description = "Network tree (localnet): write its [credential] section (as `nymclient credential init`"
                    + " does), with which the client pays a gateway that charges for bandwidth.")
    Path networkHome;

    @Option(
            names = "--client",
            defaultValue = "1",
            description = "Client k of the network tree whose account.key pays (default: ${DEFAULT-VALUE}).")
    int client;

    @Override
    public Integer call() {
        ClientHome clientHome = home.home();
        if (clientHome.isInitialised()) {
            throw new ClientException(
                    ClientException.Kind.CONFIG, clientHome.folder() + " already holds a client; not overwriting it");
        }
        AuthoritySet authorities = pinnedAuthorities();
        MixTopology topology = TopologySource.of(directory, authorities).fetch();
        GatewayNode chosen = chooseGateway(topology);
        SecureRandom random = new SecureRandom();
        ClientKeys keys = ClientKeys.generate(random);

        ClientConfig config = ClientConfig.defaults(
                        home.id(),
                        directory,
                        ClientConfig.Authorities.of(authorities),
                        new ClientConfig.Gateway(chosen.identityKey()))
                .withApi(new ClientConfig.Api(ClientConfig.Api.DEFAULTS.host(), apiPort));
        ClientConfigFile.parse(ClientConfigFile.render(config)); // what we write must read back

        SphinxParams sphinx = new SphinxParams(config.payloadSize());
        byte[] gatewayKey = Keys.decode(chosen.identityKey(), Keys.PUBLIC_KEY_BYTES, "gateway identity key");
        GatewayLink link =
                GatewayLink.of(chosen.clientListener(), gatewayKey, sphinx.packetSize(), sphinx.payloadSize());
        GatewaySession.register(link, keys);
        Optional<CredentialConfig> credentials =
                Optional.ofNullable(networkHome).map(tree -> CredentialConfig.localnet(tree, client, 1, AUTHORITIES));
        String bandwidth = payIfMetered(clientHome, link, keys, chosen.identityKey(), credentials);
        clientHome.writeKeys(keys);
        ClientConfigFile.write(config, clientHome.configFile());
        credentials.ifPresent(c -> CredentialConfigFile.append(clientHome.configFile(), c));
        System.out.println("client " + config.id() + " initialised in " + clientHome.folder());
        System.out.println("pinned " + authorities.keys().size() + " topology authorities, threshold "
                + authorities.threshold() + (authoritiesFile == null ? " (trust on first use)" : "")
                + "; epoch " + topology.epoch());
        System.out.println("gateway: " + chosen.identityKey() + " at " + chosen.clientListener());
        System.out.println("bandwidth: " + bandwidth);
        System.out.println("address: "
                + new ClientAddress(
                        keys.identity().publicKey(), keys.encryption().publicKey(), gatewayKey));
        return 0;
    }

    /**
     * Opens a session at the newly registered gateway and, when it charges and {@code credentials} are given, pays
     * once with a credential (from the wallet, else obtained with them); what to print about the bandwidth.
     */
    private static String payIfMetered(
            ClientHome home,
            GatewayLink link,
            ClientKeys keys,
            String gatewayKey,
            Optional<CredentialConfig> credentials) {
        try (GatewaySession session =
                GatewaySession.open(link, keys, new DeliveredOnce(1), d -> {}, e -> {}, b -> {}, cause -> {})) {
            if (session.bandwidthAtStart() == Authenticated.UNMETERED) {
                return "the gateway takes no credentials (unmetered): nothing paid";
            }
            if (credentials.isEmpty()) {
                // Registered all the same: the gateway refuses this client's packets (NO_BANDWIDTH) until it pays,
                // which `run` does once a [credential] section is added.
                return BandwidthStatus.mib(session.bandwidthAtStart()) + " left and nothing paid: the gateway charges"
                        + " for bandwidth and no --network-home was given; add a [credential] section with `nymclient"
                        + " credential init --network-home DIR` so that the client can pay";
            }
            GatewayPayment.Paid paid = GatewayPayment.payFromHome(
                    home.folder(), credentials, session::spend, gatewayKey, note -> System.out.println("  " + note));
            return "paid with credential " + paid.requestId() + ": " + BandwidthStatus.mib(paid.granted())
                    + " granted, " + BandwidthStatus.mib(paid.balance()) + " left";
        }
    }

    private AuthoritySet pinnedAuthorities() {
        if (authoritiesFile != null) {
            try {
                return AuthoritySet.load(authoritiesFile);
            } catch (IOException | DirectoryException e) {
                throw new ClientException(
                        ClientException.Kind.CONFIG, "cannot read the authorities: " + e.getMessage(), e);
            }
        }
        AuthoritySet published = TopologySource.publishedAuthorities(directory);
        LOG.warning("no --authorities given: pinning the " + published.keys().size() + " topology authorities "
                + directory + " names (trust on first use); whoever answered there chose them. Pin them from the"
                + " network tree's " + AuthoritySet.TREE_FILE + " instead where the directory is not trusted.");
        return published;
    }

    private GatewayNode chooseGateway(MixTopology topology) {
        if (gateway != null) {
            return topology.gateway(gateway)
                    .orElseThrow(() -> new ClientException(
                            ClientException.Kind.TOPOLOGY, "gateway " + gateway + " is not in the topology"));
        }
        List<GatewayNode> gateways = topology.gateways();
        if (gateways.isEmpty()) {
            throw new ClientException(ClientException.Kind.TOPOLOGY, "the topology has no gateway");
        }
        return gateways.get(new SecureRandom().nextInt(gateways.size()));
    }
}
