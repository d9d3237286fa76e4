package nym.client.credential;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.Signature;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.BlindSignPayload;
import nym.credential.rpc.LedgerRpc;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;

/**
 * The holder's side of the credential flow (DESIGN.md section 4), one method per step; the step commands and
 * {@code demo} call them. State between steps lives in the {@link Wallet}; nothing here prints or returns a secret.
 */
public final class CredentialFlow implements CredentialSource, AutoCloseable {

    private final CredentialConfig config;
    private final Wallet wallet;
    private final Secp256k1.KeyPair account;
    private final LedgerRpc ledger;
    private final Clock clock;
    private final RandomSource rng;
    private EthereumFunds ethereum;
    /** The keys of the latest completed key epoch, read once per flow (new credentials are issued in it). */
    private NetworkKeys keys;

    public CredentialFlow(CredentialConfig config, Wallet wallet) {
        this(config, wallet, readAccount(config), Clock.systemUTC(), RandomSource.secure());
    }

    CredentialFlow(CredentialConfig config, Wallet wallet, Secp256k1.KeyPair account, Clock clock, RandomSource rng) {
        this.config = config;
        this.wallet = wallet;
        this.account = account;
        this.ledger = new LedgerRpc(config.ledger(), config.timing().request());
        this.clock = clock;
        this.rng = rng;
    }

    /** The holder's address (Ethereum and ledger). */
    public String address() {
        return Hex.prefixed(account.address());
    }

    public boolean ethereumConfigured() {
        return config.ethereum().isPresent();
    }

    // ---------------------------------------------------------------- steps 1-2: Ethereum and the ledger credit

    /** The NYM ERC20 balance on Ethereum. */
    public BigInteger erc20Balance() {
        return ethereum().balance();
    }

    /** The ledger account's balance. */
    public long ledgerBalance() {
        return LedgerCalls.ask(() -> ledger.account(account.address()).balance());
    }

    /**
     * Pays {@code amount} NYM into the pipe account (read from the ledger's parameters) with {@code NymToken.deposit},
     * naming this client's ledger address as the account to credit; returns the deposit.
     */
    public EthereumFunds.PipeTransfer transferToPipe(long amount) {
        JsonObject params = LedgerCalls.ask(() -> ledger.query("/params", new byte[0]))
                .orElseThrow(() -> new ClientException(Kind.LEDGER, "the ledger has no /params"));
        return ethereum().deposit(Hex.parse(params.getString("pipe_account")), account.address(), amount);
    }

    /** Waits until the watchers' threshold credited the deposit on the ledger; returns the new ledger balance. */
    public long waitForCredit(byte[] depositId) {
        Instant deadline = clock.instant().plus(config.timing().credit());
        while (true) {
            Optional<JsonObject> pipe = LedgerCalls.ask(() -> ledger.query("/pipe", depositId));
            if (pipe.isPresent() && pipe.get().getBoolean("settled", false)) {
                String recipient = pipe.get().getString("recipient", "");
                if (!recipient.equalsIgnoreCase(address())) {
                    throw new ClientException(
                            Kind.LEDGER,
                            "the watchers credited the transfer to " + recipient + ", not to " + address());
                }
                return ledgerBalance();
            }
            pause(deadline, "the ledger to credit the Ethereum transfer (watchers' confirmations)");
        }
    }

    // ---------------------------------------------------------------- step 3: request

    /**
     * A fresh token of {@code value} (random serial and secret), its blind-sign request, and the signed
     * {@code CredentialRequest}: the ledger debits {@code value} and the issuers see the request. The token is stored
     * before the transaction is sent, so a crash cannot lose a paid request.
     */
    public StoredCredential request(int value) {
        if (!Token.VALUES.contains(value)) {
            throw new ClientException(Kind.CREDENTIAL, "value " + value + " is not one of " + Token.VALUES);
        }
        LedgerRpc.Account acc = LedgerCalls.ask(() -> ledger.account(account.address()));
        if (acc.balance() < value) {
            throw new ClientException(
                    Kind.LEDGER,
                    "the ledger account " + address() + " holds " + acc.balance() + " NYM, less than " + value
                            + ": transfer NYM to the pipe first");
        }
        NetworkKeys k = keys();
        try {
            Attributes token = Token.newToken(value, rng);
            ElGamalKeyPair elGamal = ElGamalKeyPair.generate(k.params(), rng);
            BlindSignPayload payload = new BlindSignPayload(
                    elGamal.publicKey(), Issuance.prepareBlindSign(k.params(), elGamal.publicKey(), token, rng));
            byte[] tx = new TxBuilder(LedgerCalls.ask(ledger::chainId))
                    .credentialRequest(account, acc.nonce(), value, payload.toBytes());
            String requestId = Hex.upper(Transaction.sha256(tx));
            StoredCredential stored = StoredCredential.requested(
                    requestId,
                    value,
                    token.privateAttributes().get(0),
                    token.privateAttributes().get(1),
                    elGamal.secretKey());
            wallet.save(stored);
            LedgerRpc.TxResult r = LedgerCalls.ask(() -> ledger.broadcastCommit(tx));
            if (!r.ok()) {
                throw new ClientException(Kind.LEDGER, "the ledger refused the credential request: " + r.log());
            }
            return stored;
        } catch (CoconutException e) {
            throw new ClientException(Kind.CREDENTIAL, "cannot prepare the blind-sign request: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- steps 4-5: partials, aggregation

    /**
     * Collects t checked partial credentials of the latest completed key epoch from any t issuers, aggregates and
     * verifies σ under that key epoch's group key, and stores it with the key epoch. The keys are read again here,
     * after the request is in a block, so they are those of the key epoch the issuers sign the request in.
     */
    public StoredCredential collect(StoredCredential c, Consumer<String> notes) {
        keys = NetworkKeys.fromLedger(ledger);
        NetworkKeys k = keys;
        List<IssuerClient> issuers = config.issuers().stream()
                .map(u -> new IssuerClient(u, config.timing().request()))
                .toList();
        Signature sigma = new PartialCollector(issuers, k, config.timing().poll(), clock)
                .collect(
                        c.requestId(),
                        c.token(),
                        c.elGamalKeyPair(k.params()),
                        clock.instant().plus(config.timing().issue()),
                        notes);
        StoredCredential withSigma = c.withSignature(k.keyEpoch(), sigma);
        wallet.save(withSigma);
        return withSigma;
    }

    // ---------------------------------------------------------------- steps 6-8: spend, settlement

    /**
     * Shows the credential to the provider: asks it for a nonce and its binding, proves Θ (re-randomized, revealing
     * only ζ and the value) over them, and submits the spend naming the credential's key epoch. An accepted spend is
     * stored with its ζ.
     */
    public ProviderClient.SpendAnswer spend(StoredCredential c, ProviderClient provider) {
        ProviderClient.Challenge challenge = provider.challenge();
        ProviderClient.SpendAnswer answer =
                provider.spend(c.keyEpoch(), prove(c, challenge), c.value(), challenge.binding(), challenge.nonce());
        if (answer.accepted()) {
            wallet.save(c.withSpend(answer.zeta(), provider.url().toString(), answer.depositId()));
        }
        return answer;
    }

    /** Θ over a provider's challenge: bound to its address and its nonce, under the credential's key epoch's key. */
    public Theta prove(StoredCredential c, ProviderClient.Challenge challenge) {
        return prove(keysOf(c.keyEpoch()), c, challenge.binding(), challenge.nonce(), rng);
    }

    /**
     * Θ of {@code c} for a verifier: bound to its identity ({@code binding}, a provider's or a gateway's ledger
     * address) and its fresh {@code nonce}, under {@code keys} (those of the credential's key epoch). Providers and
     * gateways check it the same way.
     */
    public static Theta prove(NetworkKeys keys, StoredCredential c, byte[] binding, byte[] nonce, RandomSource rng) {
        Signature sigma = c.sigma()
                .orElseThrow(() -> new ClientException(
                        Kind.CREDENTIAL, "credential " + c.requestId() + " has no signature yet: collect it first"));
        if (keys.keyEpoch() != c.keyEpoch()) {
            throw new IllegalArgumentException("the keys of key epoch " + keys.keyEpoch() + " do not show a credential"
                    + " of key epoch " + c.keyEpoch());
        }
        try {
            return Showing.proveCredential(keys.params(), keys.aggregated(), sigma, c.token(), binding, nonce, rng);
        } catch (CoconutException e) {
            throw new ClientException(Kind.CREDENTIAL, "cannot prove the credential: " + e.getMessage(), e);
        }
    }

    /**
     * A new collected credential of the configured value, through every step: the Ethereum transfer to the pipe and
     * the ledger's credit (when Ethereum is configured; else the ledger account must hold the value), the request,
     * the t partials.
     */
    @Override
    public StoredCredential obtain(Consumer<String> notes) {
        int value = config.value();
        if (ethereumConfigured()) {
            EthereumFunds.PipeTransfer transfer = transferToPipe(value);
            notes.accept("paid " + value + " NYM into the pipe; waiting for the ledger's credit");
            waitForCredit(transfer.depositId());
        }
        StoredCredential requested = request(value);
        notes.accept("credential request " + requested.requestId() + " on the ledger; collecting t partials");
        return collect(requested, notes);
    }

    /** The ledger's state of ζ ({@code /zeta}): {@code unspent}, {@code pending} or {@code spent}. */
    public String zetaStatus(byte[] zeta) {
        return LedgerCalls.ask(() -> ledger.query("/zeta", zeta))
                .map(o -> o.getString("status", "unspent"))
                .orElse("unspent");
    }

    /**
     * Waits until the ledger marks ζ spent (the gateway's deposit accepted by the verifiers). A deposit the verifiers
     * rejected frees ζ again: the wait then ends at the settle timeout, naming the status last seen.
     */
    public void waitForSpent(byte[] zeta) {
        Instant deadline = clock.instant().plus(config.timing().settle());
        while (true) {
            String status = zetaStatus(zeta);
            if ("spent".equals(status)) {
                return;
            }
            pause(deadline, "the ledger to settle the gateway's deposit (ζ " + status + ")");
        }
    }

    /** Waits until the provider's deposit is settled by the verifiers on the ledger. */
    public ProviderClient.SpendState waitForSettlement(StoredCredential c, ProviderClient provider) {
        if (c.zeta() == null) {
            throw new ClientException(Kind.CREDENTIAL, "credential " + c.requestId() + " was not spent");
        }
        Instant deadline = clock.instant().plus(config.timing().settle());
        while (true) {
            ProviderClient.SpendState state = provider.state(c.zeta());
            if (state.settled()) {
                return state;
            }
            pause(deadline, "the verifiers to settle the deposit");
        }
    }

    public ProviderClient provider() {
        return new ProviderClient(config.provider(), config.timing().request());
    }

    public ProviderClient provider(java.net.URI url) {
        return new ProviderClient(url, config.timing().request());
    }

    // ---------------------------------------------------------------- plumbing

    private NetworkKeys keys() {
        if (keys == null) {
            keys = NetworkKeys.fromLedger(ledger);
        }
        return keys;
    }

    /** The keys of {@code keyEpoch}: the latest completed key epoch's if they are held and it is that one. */
    @Override
    public NetworkKeys keysOf(long keyEpoch) {
        return keys != null && keys.keyEpoch() == keyEpoch ? keys : NetworkKeys.fromLedger(ledger, keyEpoch);
    }

    private EthereumFunds ethereum() {
        if (ethereum == null) {
            ethereum = new EthereumFunds(
                    config.ethereum()
                            .orElseThrow(() ->
                                    new ClientException(Kind.CONFIG, "no [credential.ethereum] in the configuration")),
                    account);
        }
        return ethereum;
    }

    private void pause(Instant deadline, String what) {
        Duration poll = config.timing().poll();
        if (!clock.instant().plus(poll).isBefore(deadline)) {
            throw new ClientException(Kind.CREDENTIAL, "gave up waiting for " + what);
        }
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(Kind.CREDENTIAL, "interrupted while waiting for " + what, e);
        }
    }

    private static Secp256k1.KeyPair readAccount(CredentialConfig config) {
        String text;
        try {
            text = Files.readString(config.accountKey(), StandardCharsets.US_ASCII)
                    .strip();
        } catch (IOException e) {
            throw new ClientException(Kind.KEYS, "cannot read " + config.accountKey() + ": " + e.getMessage(), e);
        }
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new ClientException(Kind.KEYS, config.accountKey() + " is not a secp256k1 key of 64 hex digits");
        }
        try {
            return Secp256k1.KeyPair.of(HexFormat.of().parseHex(text));
        } catch (RuntimeException e) {
            throw new ClientException(Kind.KEYS, config.accountKey() + " is not a valid secp256k1 key", e);
        }
    }

    @Override
    public void close() {
        if (ethereum != null) {
            ethereum.close();
        }
    }
}
