package nym.client.credential;

import java.math.BigInteger;
import java.util.List;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.ethereum.DepositId;
import nym.ethereum.EthereumAccount;
import nym.ethereum.contract.NymToken;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The holder's NYM ERC20 on Ethereum (ethereum module: web3j wrapper and {@link EthereumAccount}): its balance, and
 * the transfer to the pipe account that the watchers credit on the ledger (DESIGN.md section 4, steps 1–2).
 */
public final class EthereumFunds implements AutoCloseable {

    /** A mined transfer to the pipe: its transaction, and the id the watchers vote under ({@link DepositId}). */
    public record PipeTransfer(String txHash, byte[] depositId) {}

    private final EthereumAccount account;
    private final NymToken token;

    EthereumFunds(CredentialConfig.Ethereum config, Secp256k1.KeyPair key) {
        try {
            account = EthereumAccount.connect(
                    config.rpc().toString(), Credentials.create(key.privateKey().toString(16)));
        } catch (java.io.IOException | RuntimeException e) {
            throw new ClientException(
                    Kind.ETHEREUM, "Ethereum at " + config.rpc() + " cannot be reached: " + e.getMessage(), e);
        }
        token = account.token(config.token());
    }

    BigInteger balance() {
        try {
            return token.balanceOf(account.address()).send();
        } catch (Exception e) {
            throw new ClientException(Kind.ETHEREUM, "cannot read the NYM balance: " + e.getMessage(), e);
        }
    }

    /** Transfers {@code amount} NYM to {@code pipe} and waits until it is mined. */
    PipeTransfer transferToPipe(byte[] pipe, long amount) {
        String pipeAddress = Hex.prefixed(pipe);
        TransactionReceipt receipt;
        try {
            receipt = account.transfer(token, pipeAddress, BigInteger.valueOf(amount));
        } catch (Exception e) {
            throw new ClientException(Kind.ETHEREUM, "the transfer to the pipe failed: " + e.getMessage(), e);
        }
        List<NymToken.TransferEventResponse> logs = NymToken.getTransferEvents(receipt);
        NymToken.TransferEventResponse toPipe = logs.stream()
                .filter(l -> pipeAddress.equalsIgnoreCase(l.to))
                .findFirst()
                .orElseThrow(() ->
                        new ClientException(Kind.ETHEREUM, "the transfer's receipt has no Transfer log to the pipe"));
        return new PipeTransfer(
                receipt.getTransactionHash(), DepositId.of(receipt.getTransactionHash(), toPipe.log.getLogIndex()));
    }

    @Override
    public void close() {
        account.close();
    }
}
