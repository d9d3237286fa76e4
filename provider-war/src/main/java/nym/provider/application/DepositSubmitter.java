package nym.provider.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.logging.Logger;
import nym.credential.DepositPayload;
import nym.ledger.Hex;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.TxBuilder;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.ledger.LedgerUnavailable;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.spend.Spend;
import nym.provider.domain.spend.SpendRepository;

/**
 * Records an accepted spend and redeems it on the ledger, in one transaction: the ζ row is inserted first (a second
 * spend of ζ, at any provider, on any instance, waits for this transaction and is then refused), then the deposit is
 * signed with the provider's account and broadcast until committed, then the row gets the deposit id. Any refusal or
 * failure before sending rolls the row back. A deposit whose answer was lost after sending is kept as submitted
 * with its hash ({@link DepositReconciler} settles it), so ζ is never recorded without a deposit sent to the ledger.
 */
@ApplicationScoped
public class DepositSubmitter {

    private static final Logger LOG = Logger.getLogger(DepositSubmitter.class.getName());

    @Inject
    SpendRepository spends;

    @Inject
    Ledger ledger;

    @Inject
    ProviderSettings settings;

    @Transactional(TxType.REQUIRES_NEW)
    public Spend submit(Provider provider, SpendRequest request, DepositPayload payload) {
        byte[] zeta = payload.zeta();
        spends.lockProvider(provider.index(), provider.address());
        Spend spend = Spend.submitting(
                zeta,
                provider.index(),
                request.value(),
                payload.nonce(),
                settings.clock().instant());
        if (!spends.insertIfAbsent(spend)) {
            throw new SpendRefused(
                    Reason.DOUBLE_SPEND,
                    "this credential (ζ " + payload.zetaHex() + ") was spent before at a provider");
        }
        byte[] tx;
        try {
            long nonce = ledger.accountNonce(provider.account().address());
            tx = new TxBuilder(ledger.chainId())
                    .credentialDeposit(provider.account(), nonce, zeta, request.value(), payload.toBytes());
        } catch (LedgerUnavailable e) {
            throw new SpendRefused(
                    Reason.LEDGER_UNAVAILABLE,
                    "the ledger cannot be reached; nothing was recorded: " + e.getMessage(),
                    e);
        }
        Ledger.Submission submission;
        try {
            submission = ledger.submit(tx);
        } catch (LedgerUnavailable e) {
            // Sent, but the answer was lost: the deposit may be in a block. Recorded with its hash and bytes, so the
            // reconciler finds it or sends the very same bytes again; refusing now could lose a redeemed credential.
            String hash = txHash(tx);
            spends.recordSubmitted(zeta, hash, tx, settings.clock().instant());
            LOG.warning(() -> "deposit " + hash + " of provider " + provider.index() + " sent without an answer ("
                    + e.getMessage() + "): recorded as submitted, to be looked up on the ledger");
            return spends.find(zeta).orElseThrow();
        }
        if (!submission.ok()) {
            throw new SpendRefused(
                    submission.code() == Ledger.Submission.DOUBLE_SPEND ? Reason.DOUBLE_SPEND : Reason.LEDGER_REFUSED,
                    "the ledger refused the deposit: " + submission.log());
        }
        spends.recordDeposit(zeta, submission.hash(), submission.height());
        return spends.find(zeta).orElseThrow();
    }

    /** The ledger's id of a transaction, known before it answers: uppercase hex SHA-256 of the signed bytes. */
    static String txHash(byte[] signedTx) {
        return Hex.upper(Transaction.sha256(signedTx));
    }
}
