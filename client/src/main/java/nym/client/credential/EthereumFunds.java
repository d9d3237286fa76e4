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
 * the deposit into the pipe account that the watchers credit on the ledger to the account it names (DESIGN.md
 * section 4, steps 1–2).
 */
public final class EthereumFunds implements AutoCloseable {

    /** A mined deposit into the pipe: its transaction, and the id the watchers vote under ({@link DepositId}). */
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

    /**
     * Pays {@code amount} NYM into the pipe with {@code NymToken.deposit}, for the ledger account {@code nymAddress},
     * and waits until it is mined. The token must pay the ledger's pipe account ({@code pipe}): a token paying another
     * account would take the NYM without the ledger ever crediting them.
     */
    PipeTransfer deposit(byte[] pipe, byte[] nymAddress, long amount) {
        TransactionReceipt receipt;
        long chainId;
        try {
            String paysInto = token.pipe().send();
            if (!Hex.prefixed(pipe).equalsIgnoreCase(paysInto)) {
                throw new ClientException(
                        Kind.ETHEREUM,
                        "the token " + token.getContractAddress() + " pays deposits into " + paysInto
                                + ", not the ledger's pipe account " + Hex.prefixed(pipe));
            }
            chainId = account.web3j().ethChainId().send().getChainId().longValueExact();
            receipt = account.deposit(token, nymAddress, BigInteger.valueOf(amount));
        } catch (ClientException e) {
            throw e;
        } catch (Exception e) {
            throw new ClientException(Kind.ETHEREUM, "the deposit into the pipe failed: " + e.getMessage(), e);
        }
        List<NymToken.DepositEventResponse> logs = NymToken.getDepositEvents(receipt);
        if (logs.size() != 1) {
            throw new ClientException(Kind.ETHEREUM, "the deposit's receipt has " + logs.size() + " Deposit logs");
        }
        return new PipeTransfer(
                receipt.getTransactionHash(),
                DepositId.of(
                        chainId,
                        token.getContractAddress(),
                        receipt.getTransactionHash(),
                        logs.get(0).log.getLogIndex()));
    }

    @Override
    public void close() {
        account.close();
    }
}
