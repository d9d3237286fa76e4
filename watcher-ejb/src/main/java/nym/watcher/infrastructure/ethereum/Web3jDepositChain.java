package nym.watcher.infrastructure.ethereum;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.ethereum.DepositId;
import nym.ethereum.contract.NymToken;
import nym.watcher.domain.Deposit;
import nym.watcher.domain.DepositChain;
import nym.watcher.domain.WatcherException;
import nym.watcher.domain.WatcherException.Kind;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The chain through web3j's JSON-RPC client: {@code eth_getLogs} filtered on the token's address and the
 * {@code Deposit(address indexed from, bytes20 indexed nymAddress, uint256 amount)} topic. The contract pays every
 * deposit into its pipe account, so plain transfers to the pipe (naming no ledger account) are not deposits. Each
 * deposit's id names the chain ({@code eth_chainId}, read once) and the token as well as the log.
 */
public final class Web3jDepositChain implements DepositChain {

    private static final String DEPOSIT = EventEncoder.encode(NymToken.DEPOSIT_EVENT);

    private final Web3j web3j;
    private final String token;
    private volatile long chainId;

    public Web3jDepositChain(Web3j web3j, String token) {
        this.web3j = web3j;
        this.token = token;
    }

    /**
     * The chain of a token whose deposits are paid into {@code pipeAccount}: a token paying another account (another
     * network's, a mistaken deployment) would have the ledger credit deposits nobody received, so it is refused.
     *
     * @throws WatcherException {@code CONFIGURATION} when the token's {@code pipe()} is another account
     */
    public static Web3jDepositChain paidInto(Web3j web3j, String token, String pipeAccount) {
        Function pipe = new Function("pipe", List.of(), List.of(new TypeReference<Address>() {}));
        EthCall call = answer(
                () -> web3j.ethCall(
                                Transaction.createEthCallTransaction(null, token, FunctionEncoder.encode(pipe)),
                                DefaultBlockParameterName.LATEST)
                        .send(),
                "eth_call pipe() of " + token);
        List<Type> result = FunctionReturnDecoder.decode(call.getValue(), pipe.getOutputParameters());
        String paysInto = result.isEmpty() ? "nothing" : result.get(0).toString();
        if (!paysInto.equalsIgnoreCase(pipeAccount)) {
            throw new WatcherException(
                    Kind.CONFIGURATION,
                    "the token " + token + " pays deposits into " + paysInto + ", not the pipe account " + pipeAccount);
        }
        return new Web3jDepositChain(web3j, token);
    }

    /** The chain's id (EIP-155), read from the node once. */
    long chainId() {
        long known = chainId;
        if (known == 0) {
            known = answer(() -> web3j.ethChainId().send(), "eth_chainId")
                    .getChainId()
                    .longValueExact();
            chainId = known;
        }
        return known;
    }

    @Override
    public String genesisHash() {
        return blockHash(0);
    }

    @Override
    public long head() {
        return answer(() -> web3j.ethBlockNumber().send(), "eth_blockNumber")
                .getBlockNumber()
                .longValueExact();
    }

    @Override
    public String blockHash(long number) {
        EthBlock.Block block = answer(
                        () -> web3j.ethGetBlockByNumber(
                                        DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                                .send(),
                        "eth_getBlockByNumber " + number)
                .getBlock();
        if (block == null) {
            throw new WatcherException(Kind.CHAIN_INCONSISTENT, "the node has no block " + number);
        }
        return block.getHash();
    }

    @Override
    public List<Deposit> deposits(long from, long to) {
        long chain = chainId();
        EthFilter filter = new EthFilter(block(from), block(to), token).addSingleTopic(DEPOSIT);
        EthLog logs = answer(() -> web3j.ethGetLogs(filter).send(), "eth_getLogs " + from + ".." + to);
        List<Deposit> deposits = new ArrayList<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            Log log = (Log) result.get();
            if (!log.isRemoved()) {
                deposits.add(deposit(chain, log));
            }
        }
        return deposits;
    }

    private Deposit deposit(long chain, Log log) {
        List<String> topics = log.getTopics();
        if (topics.size() != 3) {
            throw new WatcherException(Kind.CHAIN_INCONSISTENT, "a Deposit log with " + topics.size() + " topics");
        }
        // address topics are right-aligned in their 32 bytes, bytes20 topics left-aligned (ABI encoding)
        byte[] depositor = Arrays.copyOfRange(Numeric.hexStringToByteArray(topics.get(1)), 12, 32);
        byte[] recipient = Arrays.copyOfRange(Numeric.hexStringToByteArray(topics.get(2)), 0, 20);
        return new Deposit(
                DepositId.of(chain, token, log.getTransactionHash(), log.getLogIndex()),
                log.getTransactionHash(),
                log.getLogIndex(),
                log.getBlockNumber().longValueExact(),
                log.getBlockHash(),
                depositor,
                recipient,
                Numeric.toBigInt(log.getData()));
    }

    private static DefaultBlockParameter block(long n) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(n));
    }

    private interface Call<T extends Response<?>> {
        T send() throws IOException;
    }

    private static <T extends Response<?>> T answer(Call<T> call, String what) {
        T response;
        try {
            response = call.send();
        } catch (IOException e) {
            throw new WatcherException(Kind.CHAIN_UNAVAILABLE, what + ": " + e.getMessage(), e);
        }
        if (response.hasError()) {
            throw new WatcherException(
                    Kind.CHAIN_UNAVAILABLE, what + ": " + response.getError().getMessage());
        }
        return response;
    }
}
