package nym.verifier.infrastructure.ledger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import nym.verifier.application.VerifierRole;
import nym.verifier.domain.VoteSender;

/**
 * Votes through the application's ledger connection factory: reads the chain id and this key's nonce, signs a
 * {@code VerificationVote} ({@code ledger-tx}) and waits for its block ({@code broadcast_tx_commit}), so the next
 * vote of this instance uses the next nonce. Deliveries to the MDB are serial, and no other component signs with
 * the verifier's key, so nonces never race within an instance.
 */
@ApplicationScoped
public class LedgerVoteSender implements VoteSender {

    @Resource(lookup = "java:app/ledger/ConnectionFactory")
    LedgerConnectionFactory ledger;

    @Inject
    VerifierRole role;

    @Override
    public Result send(String depositId, boolean accept) {
        Secp256k1.KeyPair key = role.voteKey().orElseThrow(() -> new IllegalStateException(role.state()));
        try (LedgerConnection c = ledger.getConnection()) {
            String chainId = c.status().network();
            long nonce = VoteAnswers.nonce(c.query("/account", key.address()));
            byte[] tx = new TxBuilder(chainId)
                    .verificationVote(key, nonce, HexFormat.of().parseHex(depositId), accept);
            return VoteAnswers.result(c.broadcastCommit(tx));
        } catch (LedgerException e) {
            throw new IllegalStateException(
                    "ledger not reachable for the vote on " + depositId + ": " + e.getMessage(), e);
        }
    }
}
