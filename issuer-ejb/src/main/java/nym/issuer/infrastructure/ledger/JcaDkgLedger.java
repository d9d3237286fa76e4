package nym.issuer.infrastructure.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nym.issuer.application.IssuerRole;
import nym.issuer.domain.DkgLedger;
import nym.issuer.domain.EpochDealings;
import nym.issuer.domain.KeyEpoch;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;

/**
 * The DKG's ledger through the application's ledger connection factory ({@link IssuerRole#LEDGER}), as the
 * verifier votes: the chain id from the node's status, this issuer account's nonce from {@code /account}, a
 * transaction signed with {@code issuer-account.key} ({@code ledger-tx} {@link TxBuilder}) and awaited in its block
 * ({@code broadcast_tx_commit}), so the next one of this instance uses the next nonce. Only the participant's rounds
 * (one at a time) sign with this key, so nonces never race within an instance.
 */
@ApplicationScoped
public class JcaDkgLedger implements DkgLedger {

    @Resource(lookup = IssuerRole.LEDGER)
    LedgerConnectionFactory ledger;

    @Inject
    IssuerRole role;

    /** The chain id does not change while the application runs. */
    private volatile String chainId;

    @Override
    public String chainId() {
        if (chainId == null) {
            chainId = call(c -> c.status().network());
        }
        return chainId;
    }

    @Override
    public Optional<KeyEpoch> latest() {
        return call(c -> DkgAnswers.keyEpoch(c.query("/dkg", new byte[0])));
    }

    @Override
    public Optional<KeyEpoch> keyEpoch(long number) {
        return call(c -> DkgAnswers.keyEpoch(c.query("/dkg", decimal(number))));
    }

    @Override
    public Optional<KeyEpoch> latestCompleted() {
        return call(c -> DkgAnswers.keyEpoch(c.query("/dkg/completed", new byte[0])));
    }

    @Override
    public EpochDealings dealings(long keyEpoch) {
        return call(c -> DkgAnswers.dealings(c.query("/dkg/dealings", decimal(keyEpoch))));
    }

    @Override
    public Submission submitDealing(long keyEpoch, byte[] dealing) {
        return submit((tx, key, nonce) -> tx.dkgDealing(key, nonce, keyEpoch, dealing));
    }

    @Override
    public Submission submitComplaint(long keyEpoch, int dealer, byte[] complaint) {
        return submit((tx, key, nonce) -> tx.dkgComplaint(key, nonce, keyEpoch, dealer, complaint));
    }

    private interface Signing {
        byte[] sign(TxBuilder tx, Secp256k1.KeyPair key, long nonce);
    }

    private Submission submit(Signing signing) {
        Secp256k1.KeyPair key = role.accountKey().orElseThrow(() -> new IllegalStateException(role.state()));
        TxBuilder tx = new TxBuilder(chainId());
        return call(c -> {
            long nonce = DkgAnswers.nonce(c.query("/account", key.address()));
            return DkgAnswers.submission(c.broadcastCommit(signing.sign(tx, key, nonce)));
        });
    }

    private interface LedgerCall<T> {
        T on(LedgerConnection c) throws LedgerException;
    }

    private <T> T call(LedgerCall<T> call) {
        try (LedgerConnection c = ledger.getConnection()) {
            return call.on(c);
        } catch (LedgerException e) {
            throw new IllegalStateException("ledger not reachable for the DKG: " + e.getMessage(), e);
        }
    }

    private static byte[] decimal(long keyEpoch) {
        return Long.toString(keyEpoch).getBytes(StandardCharsets.US_ASCII);
    }
}
