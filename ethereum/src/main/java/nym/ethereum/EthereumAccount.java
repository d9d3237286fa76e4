package nym.ethereum;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import nym.ethereum.contract.NymToken;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * An Ethereum account sending transactions on one chain: NymToken deployment, token transfers, ether. Nonces are
 * counted locally, so many transactions can be in flight at once (their receipts are awaited separately); receipts
 * are polled every {@value #RECEIPT_POLL_MILLIS} ms, as local chains mine every second or so.
 */
public final class EthereumAccount implements AutoCloseable {

    static final long RECEIPT_POLL_MILLIS = 100;
    private static final int RECEIPT_ATTEMPTS = 1200;
    /** Gas limit of every transaction: a deployment needs about 1.1 M, a transferMany of 100 recipients about 3 M. */
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(6_000_000);

    private final Web3j web3j;
    private final Credentials credentials;
    private final FastRawTransactionManager transactions;
    private final StaticGasProvider gas;

    private EthereumAccount(Web3j web3j, Credentials credentials, long chainId, BigInteger gasPrice) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.transactions = new FastRawTransactionManager(
                web3j,
                credentials,
                chainId,
                new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_ATTEMPTS));
        this.gas = new StaticGasProvider(gasPrice, GAS_LIMIT);
    }

    /**
     * Connects to the node at {@code url} as {@code credentials}. The gas price is twice the node's current one, so
     * transactions stay above a base fee that rises while blocks are full.
     */
    public static EthereumAccount connect(String url, Credentials credentials) throws IOException {
        Web3j web3j = Web3j.build(new HttpService(url));
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice().shiftLeft(1);
            return new EthereumAccount(web3j, credentials, chainId, gasPrice.max(BigInteger.valueOf(1_000_000_000)));
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
    }

    public String address() {
        return credentials.getAddress();
    }

    public Web3j web3j() {
        return web3j;
    }

    /**
     * Deploys NymToken minting {@code supply} to this account, with {@code pipe} as the account deposits are paid
     * into; returns it once the deployment is mined.
     */
    public NymToken deployToken(BigInteger supply, String pipe) throws Exception {
        return NymToken.deploy(web3j, transactions, gas, supply, pipe).send();
    }

    /** The NymToken at {@code address}, sending as this account. */
    public NymToken token(String address) {
        return NymToken.load(address, web3j, transactions, gas);
    }

    /** Sends {@code wei} to {@code to} and waits until it is mined. */
    public TransactionReceipt sendEther(String to, BigInteger wei) throws IOException, TransactionException {
        EthSendTransaction sent =
                transactions.sendTransaction(gas.getGasPrice(), BigInteger.valueOf(21_000), to, "", wei);
        if (sent.hasError()) {
            throw new IOException(
                    "ether transfer to " + to + " refused: " + sent.getError().getMessage());
        }
        return awaitReceipt(sent.getTransactionHash());
    }

    /** Token transfers from this account, each its own Transfer event, in one transaction; waits until mined. */
    public TransactionReceipt transferMany(NymToken token, List<String> recipients, List<BigInteger> amounts)
            throws Exception {
        return requireSuccess(token.transferMany(recipients, amounts).send());
    }

    /**
     * A deposit: {@code amount} tokens into the token's pipe account, to be credited to the ledger account
     * {@code nymAddress} (20 bytes) by the watchers; waits until mined.
     */
    public TransactionReceipt deposit(NymToken token, byte[] nymAddress, BigInteger amount) throws Exception {
        return requireSuccess(token.deposit(nymAddress, amount).send());
    }

    /** One token transfer; waits until mined. */
    public TransactionReceipt transfer(NymToken token, String to, BigInteger amount) throws Exception {
        return requireSuccess(token.transfer(to, amount).send());
    }

    /** Sends a token transfer without waiting for it to be mined (many in flight: nonces are counted locally). */
    public String sendTransfer(NymToken token, String to, BigInteger amount) throws IOException {
        return send(token, token.transfer(to, amount).encodeFunctionCall(), "transfer to " + to);
    }

    /** Sends a deposit (see {@link #deposit}) without waiting for it to be mined. */
    public String sendDeposit(NymToken token, byte[] nymAddress, BigInteger amount) throws IOException {
        return send(token, token.deposit(nymAddress, amount).encodeFunctionCall(), "deposit");
    }

    private String send(NymToken token, String call, String what) throws IOException {
        EthSendTransaction sent = transactions.sendTransaction(
                gas.getGasPrice(), gas.getGasLimit(), token.getContractAddress(), call, BigInteger.ZERO);
        if (sent.hasError()) {
            throw new IOException(what + " refused: " + sent.getError().getMessage());
        }
        return sent.getTransactionHash();
    }

    /** Waits until the transaction is mined; fails if it reverted. */
    public TransactionReceipt awaitReceipt(String hash) throws IOException, TransactionException {
        return requireSuccess(new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_ATTEMPTS)
                .waitForTransactionReceipt(hash));
    }

    private static TransactionReceipt requireSuccess(TransactionReceipt r) throws TransactionException {
        if (!r.isStatusOK()) {
            throw new TransactionException("transaction " + r.getTransactionHash() + " reverted", r);
        }
        return r;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
