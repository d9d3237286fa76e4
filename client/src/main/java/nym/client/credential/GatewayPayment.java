package nym.client.credential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.client.gateway.GatewaySpender;
import nym.client.gateway.SpendOutcome;
import nym.coconut.RandomSource;
import nym.coconut.verification.Theta;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.SpendCredential;

/**
 * Pays the client's gateway for bandwidth with a credential (gateway-api v3, "Paying"): the oldest spendable
 * credential of the {@link Wallet}, else a new one through the credential flow; Θ proven exactly as at a provider
 * (bound to the gateway's ledger address and its fresh nonce, under the credential's key epoch's group key from the
 * ledger). An accepted credential is marked spent at the gateway; one the gateway refuses for good (double spend,
 * invalid) is marked unusable with the reason and the next one is tried, {@value #MAX_ATTEMPTS} at most. A gateway
 * that cannot reach the ledger keeps the credential for a later try. Nothing here logs or returns Θ or a secret.
 */
public final class GatewayPayment {

    /** Credentials tried in one payment (refusals of one credential do not end it). */
    public static final int MAX_ATTEMPTS = 3;

    static final String NO_SETTINGS = "cannot pay the gateway: config.toml has no [credential] section (the ledger"
            + " to read the keys from, and how to obtain a credential); add one with `nymclient credential init"
            + " --network-home DIR`, or set the client up with `nymclient init --network-home DIR`";

    /** An accepted spend: bytes granted, bytes left, and the credential that paid (its request id and ζ). */
    public record Paid(long granted, long balance, String requestId, String zeta) {}

    private final Wallet wallet;
    private final Optional<CredentialSource> source;
    private final RandomSource rng;

    /** @param source the credential flow of the {@code [credential]} settings; empty: none configured */
    public GatewayPayment(Wallet wallet, Optional<CredentialSource> source, RandomSource rng) {
        this.wallet = wallet;
        this.source = source;
        this.rng = rng;
    }

    /**
     * Pays with the wallet of the client home {@code home} and, when {@code settings} are given (the home's
     * {@code [credential]} section), the credential flow they configure (closed afterwards).
     */
    public static Paid payFromHome(
            Path home,
            Optional<CredentialConfig> settings,
            GatewaySpender gateway,
            String gatewayKey,
            Consumer<String> notes) {
        Wallet wallet = new Wallet(home);
        try (CredentialFlow flow =
                settings.map(c -> new CredentialFlow(c, wallet)).orElse(null)) {
            return new GatewayPayment(wallet, Optional.ofNullable(flow), RandomSource.secure())
                    .pay(gateway, gatewayKey, notes);
        }
    }

    /**
     * Pays the gateway whose identity key is {@code gatewayKey} through {@code gateway}; {@code notes} hears what
     * happens (a credential obtained, one refused).
     *
     * @throws ClientException {@link Kind#CONFIG} without credential settings, {@link Kind#GATEWAY} when the gateway
     *     refused every credential tried or cannot reach the ledger now, or what obtaining a credential threw
     */
    public Paid pay(GatewaySpender gateway, String gatewayKey, Consumer<String> notes) {
        CredentialSource credentials = source.orElseThrow(() -> new ClientException(Kind.CONFIG, NO_SETTINGS));
        List<String> refusals = new ArrayList<>();
        for (int tried = 0; tried < MAX_ATTEMPTS; tried++) {
            StoredCredential c = next(credentials, notes);
            Attempt attempt = show(credentials, c, gateway, gatewayKey);
            if (attempt.paid() != null) {
                return attempt.paid();
            }
            SpendOutcome.Refused refused = attempt.refused();
            String why = refused.code() + ": " + refused.text();
            switch (refused.code()) {
                case DOUBLE_SPEND, CREDENTIAL_INVALID ->
                    notes.accept("credential " + c.requestId() + " refused for good (" + why + "); trying another");
                case NONCE_INVALID -> notes.accept("the gateway lost its offer (" + why + "); asking again");
                default -> throw refusal(c, refused);
            }
            refusals.add(why);
        }
        throw new ClientException(
                Kind.GATEWAY,
                "the gateway refused " + MAX_ATTEMPTS + " spends in a row: " + String.join("; ", refusals));
    }

    /**
     * Spends exactly {@code c} (the demo's fresh credential) in one attempt.
     *
     * @throws ClientException {@link Kind#GATEWAY} when the gateway refused it (a credential refused for good is
     *     marked unusable)
     */
    public Paid payWith(StoredCredential c, GatewaySpender gateway, String gatewayKey) {
        CredentialSource credentials = source.orElseThrow(() -> new ClientException(Kind.CONFIG, NO_SETTINGS));
        Attempt attempt = show(credentials, c, gateway, gatewayKey);
        if (attempt.paid() != null) {
            return attempt.paid();
        }
        throw refusal(c, attempt.refused());
    }

    /** One spend's result: paid, or the gateway's refusal. */
    private record Attempt(Paid paid, SpendOutcome.Refused refused) {}

    /** One spend of {@code c}: paid (stored as spent at the gateway) or the refusal (stored when for good). */
    private Attempt show(CredentialSource credentials, StoredCredential c, GatewaySpender gateway, String gatewayKey) {
        AtomicReference<Theta> shown = new AtomicReference<>();
        SpendOutcome outcome = gateway.spend(offer -> {
            Theta theta =
                    CredentialFlow.prove(credentials.keysOf(c.keyEpoch()), c, offer.binding(), offer.nonce(), rng);
            shown.set(theta);
            return new SpendCredential(c.keyEpoch(), c.value(), offer.nonce(), theta.toBytes());
        });
        if (outcome instanceof SpendOutcome.Granted granted) {
            String zeta = HexFormat.of().formatHex(shown.get().zeta().toBytes());
            wallet.save(c.withSpend(zeta, StoredCredential.GATEWAY_PREFIX + gatewayKey, null));
            return new Attempt(new Paid(granted.granted(), granted.balance(), c.requestId(), zeta), null);
        }
        SpendOutcome.Refused refused = (SpendOutcome.Refused) outcome;
        if (refused.code() == ErrorMessage.Code.DOUBLE_SPEND
                || refused.code() == ErrorMessage.Code.CREDENTIAL_INVALID) {
            wallet.save(c.withUnusable(refused.code() + ": " + refused.text()));
        }
        return new Attempt(null, refused);
    }

    private static ClientException refusal(StoredCredential c, SpendOutcome.Refused refused) {
        return new ClientException(
                Kind.GATEWAY,
                switch (refused.code()) {
                    case LEDGER_UNAVAILABLE ->
                        "the gateway cannot reach the ledger now; credential " + c.requestId()
                                + " is kept for the next try (" + refused.text() + ")";
                    case UNEXPECTED_MESSAGE -> "the gateway takes no credentials (" + refused.text() + ")";
                    default ->
                        "the gateway refused credential " + c.requestId() + " (" + refused.code() + ": "
                                + refused.text() + ")";
                });
    }

    private StoredCredential next(CredentialSource credentials, Consumer<String> notes) {
        List<StoredCredential> held = wallet.spendable();
        if (!held.isEmpty()) {
            return held.get(0);
        }
        notes.accept("no spendable credential in the wallet: obtaining one");
        return credentials.obtain(notes);
    }
}
