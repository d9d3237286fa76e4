package nym.mixnode.bandwidth;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.coconut.CoconutException;
import nym.coconut.Token;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.KeyEpochVerificationKeys;
import nym.credential.PayloadException;
import nym.credential.rpc.LedgerRpcException;
import nym.gateway.api.Bandwidth;
import nym.gateway.api.ErrorMessage;
import nym.gateway.api.ErrorMessage.Code;
import nym.gateway.api.GatewayMessage;
import nym.gateway.api.SpendCredential;
import nym.gateway.api.SpendOffer;
import nym.mixnode.bandwidth.BandwidthCounters.SpendOutcome;

/**
 * Where a client pays its gateway: offers (a fresh nonce for the gateway's ledger address) and spends, decided as a
 * provider decides them, cheapest checks first: the value is a token value, Θ parses, its key epoch is accepted
 * and Θ verifies under that key epoch's group key (prepared once per key epoch) for this gateway's address, the
 * offered nonce and the value; ζ is not recorded here and {@code unspent} on the ledger. An accepted spend is recorded
 * (durably) and credited (durably) before the answer; the {@link Redeemer} then redeems it. A refusal changes no
 * balance. Spends run on their own executor (the checks block: ~ms of pairings and a ledger query), never on an event
 * loop; the session's one outstanding offer is kept by the session itself.
 */
public final class SpendDesk {

    private static final Logger LOG = Logger.getLogger(SpendDesk.class.getName());

    private final GatewayLedger ledger;
    private final byte[] binding;
    private final SpendStore spends;
    private final BandwidthBalances balances;
    private final BandwidthCounters counters;
    private final Executor executor;
    private final Runnable accepted;
    private final SecureRandom random = new SecureRandom();
    private volatile Known known;

    /** The parameters read from the ledger and the keys prepared under them. */
    private record Known(NetworkParams params, KeyEpochVerificationKeys keys) {}

    /**
     * @param binding the gateway's 20-byte ledger address: credentials are shown for it, its account redeems them
     * @param executor runs the spends (bounded: a full queue answers LEDGER_UNAVAILABLE)
     * @param accepted called after each accepted spend (wakes the redeemer)
     */
    public SpendDesk(
            GatewayLedger ledger,
            byte[] binding,
            SpendStore spends,
            BandwidthBalances balances,
            BandwidthCounters counters,
            Executor executor,
            Runnable accepted) {
        if (binding.length != SpendOffer.BINDING_BYTES) {
            throw new IllegalArgumentException("the binding is a 20-byte ledger address");
        }
        this.ledger = ledger;
        this.binding = binding.clone();
        this.spends = spends;
        this.balances = balances;
        this.counters = counters;
        this.executor = executor;
        this.accepted = accepted;
    }

    /**
     * Reads the network parameters from the ledger unless they are known; true once they are. Blocking: for the
     * gateway's start (retried until the ledger answers), never for an event loop.
     */
    public boolean readParams() {
        if (known != null) {
            return true;
        }
        try {
            NetworkParams params = ledger.params();
            known = new Known(params, new KeyEpochVerificationKeys(params.coconut(), ledger));
            return true;
        } catch (LedgerRpcException e) {
            LOG.warning(() -> "the ledger's /params cannot be read (" + e.getMessage()
                    + "): spends are refused LEDGER_UNAVAILABLE until it answers");
            return false;
        }
    }

    /**
     * A fresh offer (event loop: does not block), or LEDGER_UNAVAILABLE while the network parameters are not known.
     * The caller keeps the nonce as its session's only outstanding offer.
     */
    public GatewayMessage offer() {
        Known k = known;
        if (k == null) {
            return new ErrorMessage(Code.LEDGER_UNAVAILABLE, "the gateway has not reached the ledger yet: try again");
        }
        byte[] nonce = new byte[GatewayMessage.KEY_BYTES];
        random.nextBytes(nonce);
        return new SpendOffer(nonce, binding, k.params().bytesPerNym());
    }

    /** The answer to a SpendCredential with no offer outstanding or another nonce (counted). */
    public ErrorMessage nonceRefused() {
        counters.spend(SpendOutcome.NONCE_INVALID);
        return new ErrorMessage(
                Code.NONCE_INVALID, "no offer is outstanding with this nonce on this session: send RequestSpend");
    }

    /** Decides {@code spend} on the desk's executor and hands the answer to {@code answer} (on that executor). */
    public void spendLater(byte[] clientId, SpendCredential spend, Consumer<GatewayMessage> answer) {
        try {
            executor.execute(() -> answer.accept(spend(clientId, spend)));
        } catch (RejectedExecutionException e) {
            counters.spend(SpendOutcome.LEDGER_UNAVAILABLE);
            answer.accept(new ErrorMessage(Code.LEDGER_UNAVAILABLE, "the gateway is busy with spends: try again"));
        }
    }

    /**
     * Decides a spend whose nonce the caller matched against its session's offer: {@link Bandwidth} or an
     * {@link ErrorMessage}. Blocking.
     */
    public GatewayMessage spend(byte[] clientId, SpendCredential spend) {
        try {
            Bandwidth granted = accept(clientId, spend);
            counters.spend(SpendOutcome.ACCEPTED);
            counters.granted(granted.granted());
            accepted.run();
            return granted;
        } catch (Refused r) {
            counters.spend(r.outcome);
            return new ErrorMessage(r.code, r.getMessage());
        }
    }

    private Bandwidth accept(byte[] clientId, SpendCredential spend) throws Refused {
        if (known == null && !readParams()) {
            throw new Refused(Code.LEDGER_UNAVAILABLE, "the ledger cannot be reached: try again");
        }
        Known k = known;
        List<BigInteger> publicAttributes = publicAttributes(spend.value());
        Theta theta;
        try {
            theta = Theta.fromBytes(spend.theta());
        } catch (CoconutException e) {
            throw new Refused(Code.CREDENTIAL_INVALID, "Θ does not parse: " + e.getMessage());
        }
        PreparedVerificationKey key = key(k, spend.keyEpoch());
        try {
            Showing.verifyCredential(k.params().coconut(), key, theta, publicAttributes, binding, spend.nonce());
        } catch (CoconutException e) {
            throw new Refused(
                    Code.CREDENTIAL_INVALID,
                    "Θ does not verify under key epoch " + spend.keyEpoch() + " for value " + spend.value()
                            + ", this gateway's address and the offered nonce (" + e.kind() + ")");
        }
        byte[] zeta = theta.zeta().toBytes();
        if (spends.contains(zeta)) {
            throw doubleSpend("spent at this gateway already");
        }
        String onLedger;
        try {
            onLedger = ledger.zetaStatus(zeta);
        } catch (LedgerRpcException e) {
            throw new Refused(Code.LEDGER_UNAVAILABLE, "the ledger cannot be asked about ζ: try again");
        }
        if (!"unspent".equals(onLedger)) {
            throw doubleSpend(onLedger + " on the ledger");
        }
        long granted = Math.multiplyExact(spend.value(), k.params().bytesPerNym());
        return record(clientId, spend, zeta, granted);
    }

    private Bandwidth record(byte[] clientId, SpendCredential spend, byte[] zeta, long granted) throws Refused {
        Optional<SpendRecord> recorded;
        try {
            recorded = spends.addAccepted(
                    zeta, clientId, spend.value(), spend.keyEpoch(), spend.nonce(), spend.theta(), granted);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot store an accepted spend", e);
            throw new Refused(Code.LEDGER_UNAVAILABLE, "the gateway cannot store the spend now: try again");
        }
        SpendRecord record = recorded.orElseThrow(() -> doubleSpend("spent at this gateway already"));
        long balance;
        try {
            balance = balances.credit(clientId, granted, record.seq());
        } catch (IOException e) {
            // the record is on disk: a restart credits it again (its seq is above the file's creditedThrough)
            LOG.log(Level.WARNING, "balances not written after a credit; the spend record keeps it", e);
            balance = balances.balance(clientId);
        }
        return new Bandwidth(granted, balance);
    }

    private static List<BigInteger> publicAttributes(long value) throws Refused {
        if (value > Integer.MAX_VALUE || !Token.VALUES.contains((int) value)) {
            throw new Refused(Code.CREDENTIAL_INVALID, "value " + value + " is not one of " + Token.VALUES);
        }
        return List.of(BigInteger.valueOf(value));
    }

    private static PreparedVerificationKey key(Known k, long keyEpoch) throws Refused {
        try {
            return k.keys().forKeyEpoch(keyEpoch);
        } catch (PayloadException e) {
            if (e.kind() == PayloadException.Kind.KEY_EPOCH_EXPIRED
                    || e.kind() == PayloadException.Kind.KEY_EPOCH_UNKNOWN) {
                throw new Refused(Code.CREDENTIAL_INVALID, "key epoch refused: " + e.getMessage());
            }
            throw new Refused(Code.LEDGER_UNAVAILABLE, "the ledger's keys of key epoch " + keyEpoch + " do not read");
        } catch (LedgerRpcException e) {
            throw new Refused(Code.LEDGER_UNAVAILABLE, "the ledger cannot be asked for key epoch " + keyEpoch);
        }
    }

    private static Refused doubleSpend(String where) {
        return new Refused(Code.DOUBLE_SPEND, "this credential is " + where);
    }

    /** A refusal on its way to the client. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Code code;
        private final transient SpendOutcome outcome;

        Refused(Code code, String text) {
            super(text, null, false, false);
            this.code = code;
            this.outcome = SpendOutcome.valueOf(code.name());
        }
    }
}
