package nym.client.credential.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nym.client.ClientException;
import nym.client.credential.CredentialConfig;
import nym.client.credential.CredentialFlow;
import nym.client.credential.ProviderClient;
import nym.client.credential.StoredCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nymclient demo}: the whole credential flow of DESIGN.md section 4 with a step-by-step display — ERC20
 * balance, deposit to the pipe, ledger credit, credential request, t partial credentials, aggregation, spend at a
 * provider, settlement — and the time each step took.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run the whole credential flow step by step: pay NYM on Ethereum, get a credential from a threshold"
                        + " of issuers, spend it at a service provider, and wait until the ledger settles it.")
public final class DemoCommand implements Callable<Integer> {

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

    @Option(names = "--provider", description = "Provider URL (default: the configuration's).")
    java.net.URI provider;

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
            out.println("ledger:   " + config.ledger() + "   provider: " + config.provider());
            Progress p = new Progress(out, 7);
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
