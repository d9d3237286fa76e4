package nym.client.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import nym.client.ClientException;
import nym.client.gateway.GatewaySpender;
import nym.client.gateway.SpendOutcome;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.CompletedKeyEpoch;
import nym.credential.testing.DealerCredentials;
import nym.credential.testing.DealerCredentials.Credential;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paying a gateway with real credentials (2-of-3 dealer keys, issued blindly by two authorities) against a gateway
 * stand-in that verifies Θ as a gateway does (its binding, its nonce, the value's public attribute, the key epoch's
 * group key) and remembers ζ; the wallet is real, the ledger's keys and the credential flow are stand-ins.
 */
class GatewayPaymentTest {

    private static final long KEY_EPOCH = 3;
    private static final long BYTES_PER_NYM = 1_048_576;
    private static final String GATEWAY_KEY = "g".repeat(43);
    private static final RandomSource RNG = RandomSource.deterministic(20);
    private static final DealerCredentials DEALER = new DealerCredentials(21, KEY_EPOCH);

    @TempDir
    Path home;

    private final List<String> notes = new ArrayList<>();

    /** A collected credential of {@code value}, as the flow stores it, with its file dated {@code age} seconds ago. */
    private StoredCredential collected(Path walletHome, int value, String requestByte, int age) throws Exception {
        Wallet wallet = new Wallet(walletHome);
        Credential issued = DEALER.issue(KEY_EPOCH, value);
        StoredCredential c = StoredCredential.requested(
                        requestByte.repeat(64),
                        value,
                        issued.token().privateAttributes().get(0),
                        issued.token().privateAttributes().get(1),
                        issued.requestKey().secretKey())
                .withSignature(KEY_EPOCH, issued.sigma());
        wallet.save(c);
        Files.setLastModifiedTime(
                walletHome.resolve("credentials").resolve(c.requestId() + ".credential"),
                FileTime.fromMillis(System.currentTimeMillis() - age * 1000L));
        return c;
    }

    /** The ledger's keys of {@link #KEY_EPOCH}; {@code fresh} is what obtaining a new credential gives. */
    private static final class Source implements CredentialSource {
        final Queue<StoredCredential> fresh = new ArrayDeque<>();
        int obtained;

        @Override
        public NetworkKeys keysOf(long keyEpoch) {
            assertEquals(KEY_EPOCH, keyEpoch);
            return new NetworkKeys(
                    DEALER.params,
                    new CompletedKeyEpoch(
                            KEY_EPOCH,
                            DealerCredentials.THRESHOLD,
                            DEALER.keys(KEY_EPOCH).verificationKey(),
                            new TreeMap<>()));
        }

        @Override
        public StoredCredential obtain(Consumer<String> notes) {
            obtained++;
            return fresh.remove();
        }
    }

    /** Offers a fresh nonce and its binding, verifies the SpendCredential as a gateway does, then answers. */
    private static final class Gateway implements GatewaySpender {
        final byte[] binding = HexFormat.of().parseHex("11".repeat(20));
        final Set<String> spentZetas = new HashSet<>();
        final Queue<ErrorMessage> refusals = new ArrayDeque<>();
        long balance = 5;
        int spends;

        @Override
        public SpendOutcome spend(Function<SpendOffer, SpendCredential> proof) {
            byte[] nonce = new byte[32];
            nonce[0] = (byte) ++spends;
            SpendCredential sc = proof.apply(new SpendOffer(nonce, binding, BYTES_PER_NYM));
            assertEquals(KEY_EPOCH, sc.keyEpoch());
            assertTrue(java.util.Arrays.equals(nonce, sc.nonce()), "the offer's nonce");
            if (!refusals.isEmpty()) {
                ErrorMessage e = refusals.remove();
                return new SpendOutcome.Refused(e.code(), e.text());
            }
            Theta theta;
            try {
                theta = Theta.fromBytes(sc.theta());
                Showing.verifyCredential(
                        DEALER.params,
                        DEALER.keys(KEY_EPOCH).verificationKey(),
                        theta,
                        Token.publicAttributes((int) sc.value()),
                        binding,
                        nonce);
            } catch (CoconutException e) {
                return new SpendOutcome.Refused(ErrorMessage.Code.CREDENTIAL_INVALID, e.getMessage());
            }
            if (!spentZetas.add(HexFormat.of().formatHex(theta.zeta().toBytes()))) {
                return new SpendOutcome.Refused(ErrorMessage.Code.DOUBLE_SPEND, "ζ spent here already");
            }
            long granted = sc.value() * BYTES_PER_NYM;
            balance += granted;
            return new SpendOutcome.Granted(granted, balance);
        }
    }

    @Test
    void pay_walletHoldsCredentials_theOldestIsShownToTheGatewayAndMarkedSpentThere() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential newer = collected(home, 5, "B", 10);
        StoredCredential older = collected(home, 10, "A", 100);
        Source source = new Source();
        Gateway gateway = new Gateway();

        GatewayPayment.Paid paid =
                new GatewayPayment(wallet, Optional.of(source), RNG).pay(gateway, GATEWAY_KEY, notes::add);

        assertEquals(10 * BYTES_PER_NYM, paid.granted());
        assertEquals(5 + 10 * BYTES_PER_NYM, paid.balance());
        assertEquals(older.requestId(), paid.requestId());
        assertEquals(0, source.obtained, "nothing obtained while the wallet holds one");
        StoredCredential stored = wallet.load(older.requestId());
        assertEquals(paid.zeta(), stored.zeta());
        assertTrue(gateway.spentZetas.contains(stored.zeta()));
        assertEquals("gateway:" + GATEWAY_KEY, stored.provider());
        assertNull(stored.depositId(), "the deposit is the gateway's own");
        assertFalse(stored.spendable());
        assertEquals(
                List.of(newer.requestId()),
                wallet.spendable().stream().map(StoredCredential::requestId).toList());
    }

    @Test
    void pay_emptyWallet_obtainsOneThroughTheFlowAndSpendsIt() throws Exception {
        Wallet wallet = new Wallet(home);
        Source source = new Source();
        source.fresh.add(collected(home.resolve("elsewhere"), 2, "C", 0));
        Gateway gateway = new Gateway();

        GatewayPayment.Paid paid =
                new GatewayPayment(wallet, Optional.of(source), RNG).pay(gateway, GATEWAY_KEY, notes::add);

        assertEquals(1, source.obtained);
        assertEquals(2 * BYTES_PER_NYM, paid.granted());
        assertEquals("C".repeat(64), paid.requestId());
        assertTrue(notes.contains("no spendable credential in the wallet: obtaining one"));
    }

    @Test
    void pay_doubleSpendThenInvalid_bothMarkedUnusableWithTheReasonAndTheThirdPays() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential first = collected(home, 1, "A", 300);
        StoredCredential second = collected(home, 1, "B", 200);
        StoredCredential third = collected(home, 1, "D", 100);
        Gateway gateway = new Gateway();
        gateway.refusals.add(new ErrorMessage(ErrorMessage.Code.DOUBLE_SPEND, "ζ is pending on the ledger"));
        gateway.refusals.add(new ErrorMessage(ErrorMessage.Code.CREDENTIAL_INVALID, "expired\nzeta = 00"));

        GatewayPayment.Paid paid =
                new GatewayPayment(wallet, Optional.of(new Source()), RNG).pay(gateway, GATEWAY_KEY, notes::add);

        assertEquals(third.requestId(), paid.requestId());
        // the gateway's text is kept as one line of printable ASCII: it cannot add a field to the file
        assertEquals(
                "DOUBLE_SPEND: ? is pending on the ledger",
                wallet.load(first.requestId()).unusable());
        assertEquals(
                "CREDENTIAL_INVALID: expired?zeta = 00",
                wallet.load(second.requestId()).unusable());
        assertNull(wallet.load(second.requestId()).zeta());
        assertTrue(wallet.spendable().isEmpty());
    }

    @Test
    void pay_gatewayCannotReachTheLedger_gatewayErrorAndTheCredentialKept() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential c = collected(home, 1, "A", 10);
        Gateway gateway = new Gateway();
        gateway.refusals.add(new ErrorMessage(ErrorMessage.Code.LEDGER_UNAVAILABLE, "ledger down"));

        ClientException e = assertThrows(
                ClientException.class,
                () -> new GatewayPayment(wallet, Optional.of(new Source()), RNG).pay(gateway, GATEWAY_KEY, n -> {}));

        assertEquals(ClientException.Kind.GATEWAY, e.kind());
        assertTrue(e.getMessage().contains("kept for the next try"), e.getMessage());
        assertTrue(wallet.load(c.requestId()).spendable());
    }

    @Test
    void pay_everyCredentialRefused_stopsAfterTheAttemptsNamingTheRefusals() throws Exception {
        Wallet wallet = new Wallet(home);
        for (String b : List.of("A", "B", "C", "D")) {
            collected(home, 1, b, 10);
        }
        Gateway gateway = new Gateway();
        for (int i = 0; i < 4; i++) {
            gateway.refusals.add(new ErrorMessage(ErrorMessage.Code.DOUBLE_SPEND, "spent"));
        }

        ClientException e = assertThrows(
                ClientException.class,
                () -> new GatewayPayment(wallet, Optional.of(new Source()), RNG).pay(gateway, GATEWAY_KEY, n -> {}));

        assertEquals(GatewayPayment.MAX_ATTEMPTS, gateway.spends);
        assertTrue(e.getMessage().startsWith("the gateway refused 3 spends in a row"), e.getMessage());
        assertEquals(1, wallet.spendable().size());
    }

    @Test
    void pay_noCredentialSettings_configErrorNamingTheCommandsAndNothingShown() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential c = collected(home, 1, "A", 10);
        Gateway gateway = new Gateway();

        ClientException e = assertThrows(
                ClientException.class,
                () -> new GatewayPayment(wallet, Optional.empty(), RNG).pay(gateway, GATEWAY_KEY, n -> {}));

        assertEquals(ClientException.Kind.CONFIG, e.kind());
        assertTrue(e.getMessage().contains("nymclient credential init"), e.getMessage());
        assertTrue(e.getMessage().contains("nymclient init --network-home"), e.getMessage());
        assertEquals(0, gateway.spends);
        assertTrue(wallet.load(c.requestId()).spendable());
    }

    @Test
    void payWith_theGivenCredentialNotTheOldest_andARefusalIsAGatewayErrorMarkingIt() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential older = collected(home, 1, "A", 100);
        StoredCredential fresh = collected(home, 2, "B", 0);
        Gateway gateway = new Gateway();
        GatewayPayment payment = new GatewayPayment(wallet, Optional.of(new Source()), RNG);

        assertEquals(
                fresh.requestId(), payment.payWith(fresh, gateway, GATEWAY_KEY).requestId());
        assertTrue(wallet.load(older.requestId()).spendable());

        gateway.refusals.add(new ErrorMessage(ErrorMessage.Code.DOUBLE_SPEND, "spent"));
        ClientException e = assertThrows(ClientException.class, () -> payment.payWith(older, gateway, GATEWAY_KEY));
        assertEquals(ClientException.Kind.GATEWAY, e.kind());
        assertEquals("the gateway refused credential " + older.requestId() + " (DOUBLE_SPEND: spent)", e.getMessage());
        assertEquals("DOUBLE_SPEND: spent", wallet.load(older.requestId()).unusable());
    }
}
