package nym.client.credential.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nym.client.ClientException;
import nym.client.credential.CredentialConfig;
import nym.client.credential.CredentialFlow;
import nym.client.credential.GatewayPayment;
import nym.client.credential.ProviderClient;
import nym.client.credential.StoredCredential;
import nym.client.runtime.BandwidthStatus;
import nym.coconut.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nymclient demo}: the whole credential flow of DESIGN.md section 4 with a step-by-step display — ERC20
 * balance, deposit to the pipe, ledger credit, credential request, t partial credentials, aggregation, then by
 * default: bandwidth paid at a gateway of the signed epoch document, a message through the mixnet on it, ζ spent on
 * the ledger ({@link GatewayDemo}); with {@code --provider}/{@code --at-provider}: spend at a provider, settlement —
 * and the time each step took.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run the whole credential flow step by step: pay NYM on Ethereum, get a credential from a threshold"
                        + " of issuers, pay a gateway with it for bandwidth, send a message through the mixnet on"
                        + " that bandwidth, and wait until the ledger settles the gateway's deposit (or spend it at a"
                        + " service provider: --provider, --at-provider).")
public final class DemoCommand implements Callable<Integer> {

    /** How long the message may take through the mixnet and back (it leaves with the payload stream). */
    private static final java.time.Duration MESSAGE_TIMEOUT = java.time.Duration.ofSeconds(60);

    @Mixin
    CredentialSettings settings;

    @Spec
    CommandSpec spec;

    @Option(names = "--value", description = "Token value (default: the configuration's, 10).")
    Integer value;

    @Option(
            names = "--skip-ethereum",
            description = "Skip the Ethereum steps: the ledger account must hold the value already (e.g. at genesis).")
    boolean skipEthereum;

    @Option(names = "--provider", description = "Spend at this provider URL instead of a gateway.")
    java.net.URI provider;

    @Option(names = "--at-provider", description = "Spend at the configuration's provider instead of a gateway.")
    boolean atProvider;

    @Option(
            names = "--directory",
            defaultValue = "http://127.0.0.1:28080",
            description = "Directory of the epoch documents when the home holds no client (default: ${DEFAULT-VALUE};"
                    + " the authorities are the network tree's directory/authorities.properties).")
    java.net.URI directory;

    @Option(names = "--timings", description = "Also write each step's time as CSV (step,seconds) to this file.")
    Path timings;

    @Override
    public Integer call() {
        CredentialConfig config = settings.config();
        if (skipEthereum) {
            config = config.withoutEthereum();
        }
        if (provider != null) {
            config = config.withProvider(provider);
        }
        boolean gateway = provider == null && !atProvider;
        GatewayDemo.Network network =
                gateway ? GatewayDemo.Network.of(settings.home.home(), directory, settings.networkHome()) : null;
        int v = value != null ? value : config.value();
        var out = spec.commandLine().getOut();
        out.println(
                settings.fromFile
                        ? "settings: " + settings.configFile()
                        : "settings: localnet defaults, network tree "
                                + settings.networkHome().toAbsolutePath().normalize() + " (no [credential] section in "
                                + settings.configFile() + ")");
        try (CredentialFlow flow = new CredentialFlow(config, settings.wallet())) {
            out.println("account:  " + flow.address());
            out.println("ledger:   " + config.ledger() + "   "
                    + (gateway
                            ? "gateway: one of the epoch document at " + network.directory()
                            : "provider: " + config.provider()));
            Progress p = new Progress(out, gateway ? 8 : 7);
            if (flow.ethereumConfigured()) {
                p.step("ERC20 balance", flow::erc20Balance, b -> b + " NYM on Ethereum");
                var transfer = p.step(
                        "deposit to the pipe", () -> flow.transferToPipe(v), t -> "mined, tx " + shorten(t.txHash()));
                p.step(
                        "wait for the ledger credit",
                        () -> flow.waitForCredit(transfer.depositId()),
                        b -> "credited; ledger balance " + b + " NYM");
            } else {
                String why = "no Ethereum configured; the ledger account is funded at genesis";
                p.skip("ERC20 balance", why);
                p.skip("deposit to the pipe", why);
                p.step("ledger balance", flow::ledgerBalance, b -> b + " NYM on the ledger");
            }
            StoredCredential requested = p.step(
                    "credential request (ledger debit)",
                    () -> flow.request(v),
                    c -> "request " + shorten(c.requestId()));
            StoredCredential signed = p.step(
                    "collect t partials, aggregate, verify",
                    () -> flow.collect(requested, p::note),
                    c -> "σ verifies under the group key of key epoch " + c.keyEpoch());
            if (gateway) {
                return payGatewayAndSend(new GatewayDemo(network), flow, signed, p);
            }
            ProviderClient providerClient = flow.provider();
            ProviderClient.SpendAnswer answer = p.step(
                    "spend at the provider",
                    () -> flow.spend(signed, providerClient),
                    a -> a.accepted()
                            ? "accepted, ζ " + shorten(a.zeta()) + ", key epoch " + signed.keyEpoch() + ", deposit "
                                    + a.status()
                            : "refused: " + a.detail());
            if (!answer.accepted()) {
                throw new ClientException(ClientException.Kind.PROVIDER, "the provider refused: " + answer.detail());
            }
            StoredCredential spent = settings.wallet().load(requested.requestId());
            ProviderClient.SpendState state = p.step(
                    "wait for settlement",
                    () -> flow.waitForSettlement(spent, providerClient),
                    s -> "deposit " + s.status() + " by the verifiers");
            p.summary();
            writeTimings(p);
            return "accepted".equals(state.status()) ? 0 : 1;
        }
    }

    /** Steps 6-8 by default: bandwidth at a gateway, a message through the mixnet on it, ζ spent on the ledger. */
    private int payGatewayAndSend(GatewayDemo demo, CredentialFlow flow, StoredCredential signed, Progress p) {
        GatewayPayment payment = new GatewayPayment(settings.wallet(), Optional.of(flow), RandomSource.secure());
        GatewayPayment.Paid paid = p.step(
                "pay a gateway for bandwidth",
                () -> demo.pay(signed, payment),
                a -> "granted " + BandwidthStatus.mib(a.granted()) + " at gateway " + shorten(demo.gatewayKey())
                        + ", ζ " + shorten(a.zeta()) + ", key epoch " + signed.keyEpoch());
        p.step(
                "send to itself through the mixnet",
                () -> demo.sendToSelf(MESSAGE_TIMEOUT, paid.balance()),
                r -> "arrived after "
                        + String.format(Locale.ROOT, "%.2f s", r.took().toNanos() / 1e9) + "; bandwidth left "
                        + String.format(Locale.ROOT, "%,d", r.bandwidth().balance()) + " bytes, "
                        + String.format(
                                Locale.ROOT,
                                "%,d",
                                paid.balance() - r.bandwidth().balance())
                        + " used by the packets sent and delivered (cover traffic included)");
        p.step(
                "wait for settlement (ζ spent)",
                () -> {
                    flow.waitForSpent(HexFormat.of().parseHex(paid.zeta()));
                    return "spent";
                },
                s -> "ζ " + s + " on the ledger: the gateway's deposit was accepted by the verifiers");
        p.summary();
        writeTimings(p);
        return 0;
    }

    private void writeTimings(Progress p) {
        if (timings == null) {
            return;
        }
        String csv = p.timings().stream()
                // step names hold commas ("collect t partials, aggregate, verify"): quoted as RFC 4180 says
                .map(t -> "\"" + t.step().replace("\"", "\"\"") + "\","
                        + String.format(Locale.ROOT, "%.3f", t.took().toNanos() / 1e9))
                .collect(Collectors.joining("\n", "step,seconds\n", "\n"));
        try {
            Files.writeString(timings, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClientException(
                    ClientException.Kind.CONFIG, "cannot write " + timings + ": " + e.getMessage(), e);
        }
    }

    static String shorten(String hex) {
        return hex.length() <= 16 ? hex : hex.substring(0, 10) + "…" + hex.substring(hex.length() - 6);
    }
}
