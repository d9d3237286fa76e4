package nym.ledger.state;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.CredentialDeposit;
import nym.ledger.tx.proto.LedgerProto.CredentialRequest;
import nym.ledger.tx.proto.LedgerProto.Deposit;
import nym.ledger.tx.proto.LedgerProto.DepositStatus;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.PipeOutcome;
import nym.ledger.tx.proto.LedgerProto.PipeTransferNotification;
import nym.ledger.tx.proto.LedgerProto.PipeVotes;
import nym.ledger.tx.proto.LedgerProto.Transfer;
import nym.ledger.tx.proto.LedgerProto.VerificationVote;
import nym.ledger.tx.proto.LedgerProto.ZetaRecord;
import nym.ledger.tx.proto.LedgerProto.ZetaStatus;

/**
 * The deterministic transition function: applies one verified transaction to a state view, or throws a
 * {@link LedgerException} (the caller runs it on a throw-away overlay, so a refusal changes nothing).
 * A transaction runs in two steps: {@link #authorize} (chain id, nonce; consumes the nonce) and {@link #apply} (the
 * kind's effects), so that a block can keep the consumed nonce of a transaction whose effects failed.
 *
 * <p>State keys: {@code params}; {@code acct/<addr hex>} (balance u64 || nonce u64); {@code pipe/<eth tx hash hex>}
 * (PipeVotes); {@code deposit/<deposit id hex>} (Deposit); {@code zeta/<ζ hex>} (ZetaRecord);
 * {@code expiry/<height>} (the ids of the deposits that expire at that height, see {@link DepositExpiry});
 * {@code dkg/…} (key epochs, their dealings and complaints, see {@link KeyEpochs}); {@code blocktime} and
 * {@code stake/…} (bonds, delegations, monitor reports, settlements, see {@link StakeRecords}).
 */
public final class Executor {
    public static final int MAX_BLIND_SIGN_REQUEST = 32 * 1024;
    public static final int MAX_CREDENTIAL = 32 * 1024;

    private Executor() {}

    // ------------------------------------------------------------------ records

    public record Account(long balance, long nonce) {}

    public static String accountKey(byte[] address) {
        return "acct/" + Hex.lower(address);
    }

    public static String pipeKey(byte[] ethTxHash) {
        return "pipe/" + Hex.lower(ethTxHash);
    }

    public static String depositKey(byte[] id) {
        return "deposit/" + Hex.lower(id);
    }

    public static String zetaKey(byte[] zeta) {
        return "zeta/" + Hex.lower(zeta);
    }

    public static Account account(StateView s, byte[] address) {
        byte[] v = s.get(accountKey(address));
        if (v == null) {
            return new Account(0, 0);
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        return new Account(b.getLong(), b.getLong());
    }

    static void putAccount(StateView s, byte[] address, Account a) {
        s.put(
                accountKey(address),
                ByteBuffer.allocate(16).putLong(a.balance()).putLong(a.nonce()).array());
    }

    public static Params params(StateView s) {
        byte[] v = s.get("params");
        if (v == null) {
            throw new LedgerException(Kind.UNAVAILABLE, "chain not initialised (no genesis)");
        }
        try {
            return Params.parseFrom(v);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException(Kind.STORAGE, "stored params unreadable");
        }
    }

    static <T> T parse(byte[] v, com.google.protobuf.Parser<T> parser) {
        try {
            return parser.parseFrom(v);
        } catch (InvalidProtocolBufferException e) {
            throw new LedgerException(Kind.STORAGE, "stored record unreadable");
        }
    }

    // ------------------------------------------------------------------ genesis

    static void applyGenesis(StateView s, Genesis g) {
        s.put("params", g.params().toByteArray());
        if (g.params().hasStake()) {
            StakeRecords.putPool(s, g.params().getStake().getRewardPool());
        }
        g.balances().forEach((addr, bal) -> putAccount(s, Hex.parse(addr), new Account(bal, 0)));
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Authorizes and applies {@code tx} (all or nothing on a throw-away overlay) in the block at {@code height} with
     * block time {@code timeMs}; returns its events.
     */
    public static List<LedgerEvent> execute(StateView s, Params p, Transaction tx, long height, long timeMs) {
        authorize(s, p, tx);
        return apply(s, p, tx, height, timeMs);
    }

    /** Checks the chain id and the nonce, then consumes the nonce; writes nothing when it throws. */
    static void authorize(StateView s, Params p, Transaction tx) {
        var body = tx.body();
        if (!body.getChainId().equals(p.getChainId())) {
            throw new LedgerException(
                    Kind.WRONG_CHAIN,
                    "transaction for chain '" + body.getChainId() + "', this is '" + p.getChainId() + "'");
        }
        Account sender = account(s, tx.sender());
        if (body.getNonce() != sender.nonce()) {
            throw new LedgerException(
                    Kind.WRONG_NONCE,
                    "nonce " + Long.toUnsignedString(body.getNonce()) + " for " + Hex.prefixed(tx.sender())
                            + ", expected " + sender.nonce());
        }
        putAccount(s, tx.sender(), new Account(sender.balance(), sender.nonce() + 1));
    }

    /** Applies the effects of an authorized {@code tx}; returns its events. */
    static List<LedgerEvent> apply(StateView s, Params p, Transaction tx, long height, long timeMs) {
        var body = tx.body();
        return switch (body.getKindCase()) {
            case TRANSFER -> transfer(s, tx, body.getTransfer());
            case PIPE_TRANSFER -> pipeTransfer(s, p, tx, body.getPipeTransfer());
            case CREDENTIAL_REQUEST -> credentialRequest(s, p, tx, body.getCredentialRequest());
            case CREDENTIAL_DEPOSIT -> credentialDeposit(s, p, tx, body.getCredentialDeposit(), height);
            case VERIFICATION_VOTE -> verificationVote(s, p, tx, body.getVerificationVote());
            case DKG_DEALING -> KeyEpochs.deal(s, p, tx, body.getDkgDealing());
            case DKG_COMPLAINT -> KeyEpochs.complain(s, p, tx, body.getDkgComplaint());
            case BOND_NODE -> StakeTransactions.bond(s, p, tx, body.getBondNode());
            case UNBOND_NODE -> StakeTransactions.unbond(s, p, tx, body.getUnbondNode(), timeMs);
            case DELEGATE -> StakeTransactions.delegate(s, p, tx, body.getDelegate());
            case UNDELEGATE -> StakeTransactions.undelegate(s, p, tx, body.getUndelegate(), timeMs);
            case MONITOR_REPORT -> MonitorReports.accept(s, p, tx, body.getMonitorReport(), timeMs);
            case KIND_NOT_SET -> throw new LedgerException(Kind.MALFORMED_TX, "transaction has no kind");
        };
    }

    private static List<LedgerEvent> transfer(StateView s, Transaction tx, Transfer t) {
        byte[] to = address(t.getTo(), "recipient");
        long amount = amount(t.getAmount());
        debit(s, tx.sender(), amount);
        credit(s, to, amount);
        return List.of(LedgerEvent.of("transfer")
                .attr("sender", Hex.prefixed(tx.sender()))
                .attr("recipient", Hex.prefixed(to))
                .attr("amount", Long.toString(amount))
                .build());
    }

    private static List<LedgerEvent> pipeTransfer(StateView s, Params p, Transaction tx, PipeTransferNotification n) {
        if (!contains(p.getWatchersList(), tx.sender())) {
            throw new LedgerException(Kind.UNKNOWN_WATCHER, Hex.prefixed(tx.sender()) + " is not a registered watcher");
        }
        byte[] ethHash = fixed(n.getEthTxHash(), 32, "eth_tx_hash");
        byte[] recipient = address(n.getRecipient(), "recipient");
        long amount = amount(n.getAmount());
        String key = pipeKey(ethHash);
        byte[] stored = s.get(key);
        PipeVotes votes = stored == null ? PipeVotes.getDefaultInstance() : parse(stored, PipeVotes.parser());
        if (votes.getSettled()) {
            throw new LedgerException(
                    Kind.ALREADY_SETTLED, "Ethereum transfer " + Hex.prefixed(ethHash) + " already credited");
        }
        ByteString watcher = ByteString.copyFrom(tx.sender());
        for (PipeOutcome o : votes.getOutcomesList()) {
            if (o.getWatchersList().contains(watcher)) {
                throw new LedgerException(
                        Kind.DUPLICATE_VOTE,
                        "watcher " + Hex.prefixed(tx.sender()) + " already voted on " + Hex.prefixed(ethHash));
            }
        }
        PipeVotes.Builder b = votes.toBuilder();
        int index = -1;
        for (int i = 0; i < b.getOutcomesCount(); i++) {
            PipeOutcome o = b.getOutcomes(i);
            if (o.getAmount() == amount && o.getRecipient().equals(ByteString.copyFrom(recipient))) {
                index = i;
            }
        }
        PipeOutcome outcome;
        if (index < 0) {
            outcome = PipeOutcome.newBuilder()
                    .setRecipient(ByteString.copyFrom(recipient))
                    .setAmount(amount)
                    .addWatchers(watcher)
                    .build();
            b.addOutcomes(outcome);
        } else {
            outcome = b.getOutcomes(index).toBuilder().addWatchers(watcher).build();
            b.setOutcomes(index, outcome);
        }
        List<LedgerEvent> events = new ArrayList<>();
        events.add(LedgerEvent.of("pipe_transfer_vote")
                .attr("eth_tx_hash", Hex.prefixed(ethHash))
                .attr("watcher", Hex.prefixed(tx.sender()))
                .attr("recipient", Hex.prefixed(recipient))
                .attr("amount", Long.toString(amount))
                .attr("votes", Integer.toString(outcome.getWatchersCount()))
                .build());
        if (outcome.getWatchersCount() >= p.getWatcherThreshold()) {
            b.setSettled(true)
                    .setCreditedRecipient(ByteString.copyFrom(recipient))
                    .setCreditedAmount(amount);
            credit(s, recipient, amount);
            events.add(LedgerEvent.of("pipe_transfer_credited")
                    .attr("eth_tx_hash", Hex.prefixed(ethHash))
                    .attr("recipient", Hex.prefixed(recipient))
                    .attr("amount", Long.toString(amount))
                    .build());
        }
        s.put(key, b.build().toByteArray());
        return events;
    }

    private static List<LedgerEvent> credentialRequest(StateView s, Params p, Transaction tx, CredentialRequest r) {
        long value = allowedValue(p, r.getValue());
        byte[] request = r.getBlindSignRequest().toByteArray();
        if (request.length == 0 || request.length > MAX_BLIND_SIGN_REQUEST) {
            throw new LedgerException(
                    Kind.INVALID_ARGUMENT, "blind_sign_request must be 1.." + MAX_BLIND_SIGN_REQUEST + " bytes");
        }
        long keyEpoch = KeyEpochs.requireCompleted(s);
        debit(s, tx.sender(), value);
        return List.of(LedgerEvent.of("credential_request")
                .attr("request_id", Hex.upper(tx.hash()))
                .attr("requester", Hex.prefixed(tx.sender()))
                .attr("value", Long.toString(value))
                .attr("key_epoch", Long.toString(keyEpoch))
                .unindexed("blind_sign_request", Base64.getEncoder().encodeToString(request))
                .build());
    }

    private static List<LedgerEvent> credentialDeposit(
            StateView s, Params p, Transaction tx, CredentialDeposit d, long height) {
        if (!contains(p.getProvidersList(), tx.sender())) {
            throw new LedgerException(
                    Kind.UNKNOWN_PROVIDER, Hex.prefixed(tx.sender()) + " is not a registered service provider");
        }
        byte[] zeta = d.getZeta().toByteArray();
        Zeta.requireCanonical(zeta);
        long value = allowedValue(p, d.getValue());
        byte[] credential = d.getCredential().toByteArray();
        if (credential.length == 0 || credential.length > MAX_CREDENTIAL) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "credential must be 1.." + MAX_CREDENTIAL + " bytes");
        }
        byte[] zr = s.get(zetaKey(zeta));
        if (zr != null) {
            ZetaRecord rec = parse(zr, ZetaRecord.parser());
            throw new LedgerException(
                    Kind.DOUBLE_SPEND,
                    "ζ " + Hex.lower(zeta) + " is "
                            + (rec.getStatus() == ZetaStatus.ZETA_SPENT
                                    ? "already spent"
                                    : "pending in deposit "
                                            + Hex.upper(rec.getDepositId().toByteArray())));
        }
        byte[] id = tx.hash();
        Deposit deposit = Deposit.newBuilder()
                .setProvider(ByteString.copyFrom(tx.sender()))
                .setZeta(ByteString.copyFrom(zeta))
                .setValue(value)
                .setStatus(DepositStatus.DEPOSIT_PENDING)
                .setHeight(height)
                .build();
        s.put(depositKey(id), deposit.toByteArray());
        s.put(
                zetaKey(zeta),
                ZetaRecord.newBuilder()
                        .setStatus(ZetaStatus.ZETA_PENDING)
                        .setDepositId(ByteString.copyFrom(id))
                        .build()
                        .toByteArray());
        DepositExpiry.schedule(s, id, height + p.getDepositTimeoutBlocks());
        return List.of(LedgerEvent.of("redeem")
                .attr("deposit_id", Hex.upper(id))
                .attr("provider", Hex.prefixed(tx.sender()))
                .attr("zeta", Hex.lower(zeta))
                .attr("value", Long.toString(value))
                .unindexed("credential", Base64.getEncoder().encodeToString(credential))
                .build());
    }

    private static List<LedgerEvent> verificationVote(StateView s, Params p, Transaction tx, VerificationVote v) {
        if (!contains(p.getVerifiersList(), tx.sender())) {
            throw new LedgerException(
                    Kind.UNKNOWN_VERIFIER, Hex.prefixed(tx.sender()) + " is not a registered verifier");
        }
        byte[] id = fixed(v.getDepositId(), 32, "deposit_id");
        byte[] stored = s.get(depositKey(id));
        if (stored == null) {
            throw new LedgerException(Kind.UNKNOWN_DEPOSIT, "no deposit " + Hex.upper(id));
        }
        Deposit d = parse(stored, Deposit.parser());
        if (d.getStatus() == DepositStatus.DEPOSIT_REJECTED || d.getStatus() == DepositStatus.DEPOSIT_EXPIRED) {
            throw new LedgerException(
                    Kind.DEPOSIT_REJECTED,
                    "deposit " + Hex.upper(id) + " was "
                            + (d.getStatus() == DepositStatus.DEPOSIT_EXPIRED ? "expired" : "rejected"));
        }
        if (d.getStatus() == DepositStatus.DEPOSIT_ACCEPTED) {
            throw new LedgerException(Kind.ALREADY_SETTLED, "deposit " + Hex.upper(id) + " already accepted");
        }
        ByteString verifier = ByteString.copyFrom(tx.sender());
        if (d.getAcceptsList().contains(verifier) || d.getRejectsList().contains(verifier)) {
            throw new LedgerException(
                    Kind.DUPLICATE_VOTE,
                    "verifier " + Hex.prefixed(tx.sender()) + " already voted on deposit " + Hex.upper(id));
        }
        Deposit.Builder b = d.toBuilder();
        if (v.getAccept()) {
            b.addAccepts(verifier);
        } else {
            b.addRejects(verifier);
        }
        List<LedgerEvent> events = new ArrayList<>();
        events.add(LedgerEvent.of("redeem_vote")
                .attr("deposit_id", Hex.upper(id))
                .attr("verifier", Hex.prefixed(tx.sender()))
                .attr("accept", Boolean.toString(v.getAccept()))
                .attr("accepts", Integer.toString(b.getAcceptsCount()))
                .attr("rejects", Integer.toString(b.getRejectsCount()))
                .build());
        byte[] zeta = d.getZeta().toByteArray();
        String outcome = null;
        if (b.getAcceptsCount() >= p.getVerifierThreshold()) {
            b.setStatus(DepositStatus.DEPOSIT_ACCEPTED);
            credit(s, d.getProvider().toByteArray(), d.getValue());
            s.put(
                    zetaKey(zeta),
                    ZetaRecord.newBuilder()
                            .setStatus(ZetaStatus.ZETA_SPENT)
                            .setDepositId(ByteString.copyFrom(id))
                            .build()
                            .toByteArray());
            outcome = "accepted";
        } else if (b.getRejectsCount() >= p.getVerifierRejectThreshold()) {
            b.setStatus(DepositStatus.DEPOSIT_REJECTED);
            s.delete(zetaKey(zeta)); // ζ is free again
            b.setPenalty(burnUpTo(s, d.getProvider().toByteArray(), p.getRejectedDepositPenalty()));
            outcome = "rejected";
        }
        Deposit settled = b.build();
        if (outcome != null) {
            events.add(settledEvent(id, outcome, settled));
        }
        s.put(depositKey(id), settled.toByteArray());
        return events;
    }

    /** The {@code redeem_settled} event of a deposit that reached {@code outcome} (accepted, rejected, expired). */
    static LedgerEvent settledEvent(byte[] id, String outcome, Deposit d) {
        LedgerEvent.Builder e = LedgerEvent.of("redeem_settled")
                .attr("deposit_id", Hex.upper(id))
                .attr("outcome", outcome)
                .attr("provider", Hex.prefixed(d.getProvider().toByteArray()))
                .attr("zeta", Hex.lower(d.getZeta().toByteArray()))
                .attr("value", Long.toString(d.getValue()));
        if (d.getStatus() == DepositStatus.DEPOSIT_REJECTED) {
            e.attr("penalty", Long.toString(d.getPenalty()));
        }
        return e.build();
    }

    // ------------------------------------------------------------------ helpers

    static void debit(StateView s, byte[] who, long amount) {
        Account a = account(s, who);
        if (a.balance() < amount) {
            throw new LedgerException(
                    Kind.INSUFFICIENT_BALANCE, Hex.prefixed(who) + " has " + a.balance() + ", needs " + amount);
        }
        putAccount(s, who, new Account(a.balance() - amount, a.nonce()));
    }

    /**
     * Takes {@code amount} from {@code who}, or all it holds if less, and credits nobody: junk deposits cost their
     * provider without paying anyone for rejecting them. Returns what was burned.
     */
    private static long burnUpTo(StateView s, byte[] who, long amount) {
        Account a = account(s, who);
        long burned = Math.min(a.balance(), amount);
        putAccount(s, who, new Account(a.balance() - burned, a.nonce()));
        return burned;
    }

    static void credit(StateView s, byte[] who, long amount) {
        Account a = account(s, who);
        long bal;
        try {
            bal = Math.addExact(a.balance(), amount);
        } catch (ArithmeticException e) {
            throw new LedgerException(Kind.OVERFLOW, "balance of " + Hex.prefixed(who) + " would overflow");
        }
        putAccount(s, who, new Account(bal, a.nonce()));
    }

    static long amount(long raw) {
        if (raw <= 0) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "amount must be in 1.." + Long.MAX_VALUE);
        }
        return raw;
    }

    private static long allowedValue(Params p, long value) {
        if (!p.getAllowedValuesList().contains(value)) {
            throw new LedgerException(
                    Kind.VALUE_NOT_ALLOWED,
                    "value " + Long.toUnsignedString(value) + " not in " + p.getAllowedValuesList());
        }
        return value;
    }

    private static byte[] address(ByteString b, String what) {
        return fixed(b, 20, what);
    }

    private static byte[] fixed(ByteString b, int len, String what) {
        if (b.size() != len) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, what + " must be " + len + " bytes, got " + b.size());
        }
        return b.toByteArray();
    }

    private static boolean contains(List<ByteString> list, byte[] address) {
        return list.contains(ByteString.copyFrom(address));
    }
}
