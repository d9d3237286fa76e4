package nym.client.credential.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.client.credential.CredentialConfig;
import nym.client.credential.CredentialConfigFile;
import nym.client.credential.CredentialFlow;
import nym.client.credential.ProviderClient;
import nym.client.credential.StoredCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nymclient credential <step>}: each step of the credential flow on its own (demo runs them all). */
@Command(
        name = "credential",
        mixinStandardHelpOptions = true,
        description = "The credential flow one step at a time (see `demo` for all of them).",
        subcommands = {
            CredentialCommand.Init.class,
            CredentialCommand.Balance.class,
            CredentialCommand.Transfer.class,
            CredentialCommand.WaitCredit.class,
            CredentialCommand.Request.class,
            CredentialCommand.Collect.class,
            CredentialCommand.Spend.class,
            CredentialCommand.Settle.class
        })
public final class CredentialCommand {

    /** Shared by the steps: settings, the flow, the output. */
    abstract static class Step implements Callable<Integer> {
        @Mixin
        CredentialSettings settings;

        @Spec
        CommandSpec spec;

        @Option(names = "--request", description = "Request id of the credential (default: the latest one).")
        String request;

        @Override
        public Integer call() {
            try (CredentialFlow flow = new CredentialFlow(settings.config(), settings.wallet())) {
                return run(flow);
            }
        }

        abstract Integer run(CredentialFlow flow);

        StoredCredential credential() {
            return request == null
                    ? settings.wallet().latest()
                    : settings.wallet().load(request.toUpperCase());
        }

        void print(String line) {
            spec.commandLine().getOut().println(line);
        }
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Add a documented [credential] section to config.toml with the localnet settings for a client"
                    + " of the network tree.")
    static final class Init implements Callable<Integer> {
        @Mixin
        CredentialSettings settings;

        @Spec
        CommandSpec spec;

        @Option(names = "--provider", defaultValue = "1", description = "Provider k (default: ${DEFAULT-VALUE}).")
        int provider;

        @Override
        public Integer call() {
            Path file = settings.configFile();
            if (CredentialConfigFile.read(file).isPresent()) {
                throw new ClientException(Kind.CONFIG, file + " has a [credential] section already; edit it there");
            }
            CredentialConfig c =
                    CredentialConfig.localnet(settings.networkHome(), settings.client, provider, settings.authorities);
            CredentialConfigFile.append(file, c);
            spec.commandLine().getOut().println("wrote the [credential] section of " + file);
            return 0;
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "NYM on Ethereum and on the ledger.")
    static final class Balance extends Step {
        @Override
        Integer run(CredentialFlow flow) {
            print("account " + flow.address());
            if (flow.ethereumConfigured()) {
                print("Ethereum (ERC20): " + flow.erc20Balance() + " NYM");
            }
            print("ledger:           " + flow.ledgerBalance() + " NYM");
            return 0;
        }
    }

    @Command(
            name = "transfer",
            mixinStandardHelpOptions = true,
            description = "Pay NYM ERC20 into the pipe account (NymToken.deposit naming this client's ledger address);"
                    + " prints the deposit id the watchers credit.")
    static final class Transfer extends Step {
        @Option(names = "--amount", required = true, description = "NYM to transfer.")
        long amount;

        @Override
        Integer run(CredentialFlow flow) {
            var t = flow.transferToPipe(amount);
            print("mined: tx " + t.txHash());
            print("deposit id " + HexFormat.of().formatHex(t.depositId()));
            return 0;
        }
    }

    @Command(
            name = "wait-credit",
            mixinStandardHelpOptions = true,
            description = "Wait until the watchers credited a transfer to the pipe on the ledger.")
    static final class WaitCredit extends Step {
        @Option(names = "--deposit", required = true, description = "Deposit id printed by `transfer` (hex).")
        String deposit;

        @Override
        Integer run(CredentialFlow flow) {
            print("credited; ledger balance "
                    + flow.waitForCredit(HexFormat.of().parseHex(deposit)) + " NYM");
            return 0;
        }
    }

    @Command(
            name = "request",
            mixinStandardHelpOptions = true,
            description = "Make a token and send the credential request (the ledger debits its value).")
    static final class Request extends Step {
        @Option(names = "--value", description = "Token value (default: the configuration's).")
        Integer value;

        @Override
        Integer run(CredentialFlow flow) {
            StoredCredential c =
                    flow.request(value != null ? value : settings.config().value());
            print("request " + c.requestId() + " (value " + c.value() + ")");
            return 0;
        }
    }

    @Command(
            name = "collect",
            mixinStandardHelpOptions = true,
            description = "Collect t partial credentials (any t of the issuers), aggregate and verify.")
    static final class Collect extends Step {
        @Override
        Integer run(CredentialFlow flow) {
            StoredCredential c = flow.collect(credential(), this::print);
            print("credential " + c.requestId() + " verifies under the group key of key epoch " + c.keyEpoch());
            return 0;
        }
    }

    @Command(
            name = "spend",
            mixinStandardHelpOptions = true,
            description = "Prove the credential to a provider (bound to it and its fresh nonce) and spend it.")
    static final class Spend extends Step {
        @Option(names = "--provider", description = "Provider URL (default: the configuration's).")
        URI provider;

        @Override
        Integer run(CredentialFlow flow) {
            ProviderClient p = provider == null ? flow.provider() : flow.provider(provider);
            StoredCredential c = credential();
            ProviderClient.SpendAnswer a = flow.spend(c, p);
            if (!a.accepted()) {
                print("refused (" + a.reason() + "): " + a.detail());
                return 1;
            }
            print("accepted: ζ " + a.zeta() + " (key epoch " + c.keyEpoch() + "), deposit " + a.depositId() + " "
                    + a.status());
            return 0;
        }
    }

    @Command(
            name = "settle",
            mixinStandardHelpOptions = true,
            description = "Wait until the verifiers settled the spent credential's deposit (a provider's, or a"
                    + " gateway's: until ζ is spent on the ledger).")
    static final class Settle extends Step {
        @Override
        Integer run(CredentialFlow flow) {
            StoredCredential c = credential();
            if (c.provider() == null) {
                throw new ClientException(Kind.CREDENTIAL, "credential " + c.requestId() + " was not spent");
            }
            if (c.provider().startsWith(StoredCredential.GATEWAY_PREFIX)) {
                flow.waitForSpent(java.util.HexFormat.of().parseHex(c.zeta()));
                print("ζ spent: the gateway's deposit was accepted");
                return 0;
            }
            ProviderClient.SpendState s = flow.waitForSettlement(c, flow.provider(URI.create(c.provider())));
            print("deposit " + s.status());
            return "accepted".equals(s.status()) ? 0 : 1;
        }
    }
}
