package nym.mixnode.bandwidth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.coconut.CoconutException;
import nym.coconut.verification.Theta;
import nym.credential.DepositPayload;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;
import nym.mixnode.bandwidth.BandwidthCounters.DepositOutcome;
import nym.mixnode.bandwidth.SpendRecord.Status;

/**
 * Redeems the accepted spends on the ledger, one at a time in order of acceptance, on one thread ({@link #pass} is
 * called periodically and after each accepted spend): signs a {@code CredentialDeposit} with the gateway's account
 * (nonce from {@code /account}), stores the signed bytes with the spend before sending them, broadcasts, then follows
 * the deposit's {@code /deposit} state until the verifiers settle it. A deposit the ledger refuses, the verifiers
 * reject, that expires or that never lands takes the spend's bandwidth back from its client (never below zero).
 *
 * <p>A deposit sent without an answer (provider-war README, "Lost answers") stays SUBMITTED: it is looked up by its
 * hash ({@code tx}); not found {@link #LOOKUP_AFTER} after it was sent, the <em>same bytes</em> are sent again (the
 * same account nonce, so two deposits of one ζ can never both land), at most {@link #MAX_RESUBMISSIONS} times, then
 * it is given up. While one deposit's fate is unknown no later one is signed (it would take the same account nonce).
 * A deposit refused at CheckTx for its account nonce (never in a block) is signed again. Each outcome is logged with
 * the spend's sequence number and deposit id, never the client.
 */
public final class Redeemer {

    private static final Logger LOG = Logger.getLogger(Redeemer.class.getName());

    static final Duration LOOKUP_AFTER = Duration.ofSeconds(60);
    static final int MAX_RESUBMISSIONS = 3;
    /** The ledger's refusal code for a transaction whose account nonce is not the next one. */
    static final int WRONG_NONCE = 4;

    private final GatewayLedger ledger;
    private final Secp256k1.KeyPair account;
    private final SpendStore spends;
    private final BandwidthBalances balances;
    private final BandwidthCounters counters;
    private final Clock clock;

    public Redeemer(
            GatewayLedger ledger,
            Secp256k1.KeyPair account,
            SpendStore spends,
            BandwidthBalances balances,
            BandwidthCounters counters,
            Clock clock) {
        this.ledger = ledger;
        this.account = account;
        this.spends = spends;
        this.balances = balances;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Moves every unfinished spend one step, in order, until one must wait (its deposit's fate unknown) or the ledger
     * cannot be reached. Only spends already credited are touched.
     */
    public synchronized void pass() {
        for (SpendRecord spend : spends.unfinished()) {
            if (spend.seq() > balances.creditedThrough()) {
                return; // being accepted right now
            }
            try {
                if (!advance(spend)) {
                    return;
                }
            } catch (LedgerRpcException e) {
                LOG.fine(() -> "redemption waits for the ledger: " + e.getMessage());
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot store the state of spend " + spend.seq(), e);
                return;
            }
        }
    }

    /** One step; false when later spends must wait. */
    private boolean advance(SpendRecord spend) throws IOException {
        return switch (spend.status()) {
            case ACCEPTED -> send(sign(spend));
            case SUBMITTED -> lookUp(spend);
            case IN_BLOCK -> follow(spend);
            case SETTLED, TAKEN_BACK -> true;
        };
    }

    private SpendRecord sign(SpendRecord spend) throws IOException {
        Theta theta;
        try {
            theta = Theta.fromBytes(spend.theta());
        } catch (CoconutException e) {
            throw new IOException("the stored Θ of spend " + spend.seq() + " does not parse", e);
        }
        byte[] payload = new DepositPayload(spend.keyEpoch(), spend.nonce(), theta).toBytes();
        long nonce = ledger.accountNonce(account.address());
        byte[] tx =
                new TxBuilder(ledger.chainId()).credentialDeposit(account, nonce, spend.zeta(), spend.value(), payload);
        SpendRecord signed = spend.submitted(tx, clock.millis(), 0);
        spends.update(signed); // stored before it leaves: a restart looks it up instead of signing another
        return signed;
    }

    /** Broadcasts the spend's stored deposit bytes. */
    private boolean send(SpendRecord spend) throws IOException {
        TxResult result;
        try {
            result = ledger.broadcast(spend.depositTx());
        } catch (LedgerRpcException e) {
            LOG.info(() -> "deposit " + depositId(spend) + " of spend " + spend.seq()
                    + " sent without an answer: to be looked up on the ledger");
            return false;
        }
        if (result.ok()) {
            spends.update(spend.with(Status.IN_BLOCK));
            LOG.info(() -> "deposit " + depositId(spend) + " of spend " + spend.seq() + " is in block "
                    + result.height() + ": the verifiers vote");
            return true;
        }
        if (result.height() > 0) {
            takeBack(spend, DepositOutcome.REFUSED, "refused in its block: " + result.log());
            return true;
        }
        if (spend.resubmissions() > 0) {
            return false; // a resend refused: the first sending may have landed, look it up again later
        }
        if (result.code() == WRONG_NONCE) {
            spends.update(spend.unsigned()); // never in a block: signed again with the account's next nonce
            return false;
        }
        takeBack(spend, DepositOutcome.REFUSED, "refused: " + result.log());
        return true;
    }

    /** A deposit sent without an answer: in a block, or sent again after a while, or given up. */
    private boolean lookUp(SpendRecord spend) throws IOException {
        Optional<TxResult> found = ledger.transaction(depositId(spend));
        if (found.isPresent()) {
            if (found.get().ok()) {
                spends.update(spend.with(Status.IN_BLOCK));
                LOG.info(() -> "deposit " + depositId(spend) + " of spend " + spend.seq() + " found in block "
                        + found.get().height());
                return true;
            }
            takeBack(
                    spend,
                    DepositOutcome.REFUSED,
                    "refused in its block: " + found.get().log());
            return true;
        }
        if (clock.millis() - spend.sentAtMillis() < LOOKUP_AFTER.toMillis()) {
            return false;
        }
        if (spend.resubmissions() >= MAX_RESUBMISSIONS) {
            takeBack(spend, DepositOutcome.LOST, "never found in a block after " + MAX_RESUBMISSIONS + " resends");
            return true;
        }
        SpendRecord again = spend.submitted(spend.depositTx(), clock.millis(), spend.resubmissions() + 1);
        spends.update(again);
        send(again);
        return false;
    }

    /** A deposit in a block: done when the verifiers settle it. */
    private boolean follow(SpendRecord spend) throws IOException {
        String status = ledger.depositStatus(depositId(spend)).orElse("pending");
        switch (status) {
            case "accepted" -> {
                spends.update(spend.with(Status.SETTLED));
                counters.deposit(DepositOutcome.ACCEPTED);
                LOG.info(() -> "deposit " + depositId(spend) + " of spend " + spend.seq() + " accepted: redeemed");
            }
            case "rejected" -> takeBack(spend, DepositOutcome.REJECTED, "rejected by the verifiers");
            case "expired" -> takeBack(spend, DepositOutcome.EXPIRED, "expired without the verifiers' votes");
            default -> {
                // pending: the verifiers are still voting
            }
        }
        return true;
    }

    /** Marks the spend first: a crash in between leaves the client its bandwidth rather than taking it twice. */
    private void takeBack(SpendRecord spend, DepositOutcome outcome, String why) throws IOException {
        spends.update(spend.with(Status.TAKEN_BACK));
        long taken = balances.takeBack(spend.clientId(), spend.granted());
        counters.deposit(outcome);
        counters.takenBack(taken);
        LOG.warning(() -> "deposit " + depositId(spend) + " of spend " + spend.seq() + " " + why + ": " + taken
                + " of its " + spend.granted() + " bytes taken back");
    }

    /** The ledger's id of a deposit: uppercase hex SHA-256 of its signed bytes. */
    static String depositId(SpendRecord spend) {
        return Hex.upper(Transaction.sha256(spend.depositTx()));
    }
}
