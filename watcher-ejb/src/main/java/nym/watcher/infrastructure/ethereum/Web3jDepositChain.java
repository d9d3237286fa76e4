package nym.watcher.infrastructure.ethereum;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.ethereum.contract.NymToken;
import nym.watcher.domain.Deposit;
import nym.watcher.domain.DepositChain;
import nym.watcher.domain.WatcherException;
import nym.watcher.domain.WatcherException.Kind;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The chain through web3j's JSON-RPC client: {@code eth_getLogs} filtered on the token's address, the
 * {@code Transfer} topic and the pipe account as the indexed recipient.
 */
public final class Web3jDepositChain implements DepositChain {

    private static final String TRANSFER = EventEncoder.encode(NymToken.TRANSFER_EVENT);

    private final Web3j web3j;
    private final String token;
    private final String pipeTopic;

    public Web3jDepositChain(Web3j web3j, String token, String pipeAccount) {
        this.web3j = web3j;
        this.token = token;
        this.pipeTopic = "0x" + TypeEncoder.encode(new Address(pipeAccount));
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
    public List<Deposit> depositsInto(long from, long to) {
        EthFilter filter = new EthFilter(block(from), block(to), token)
                .addSingleTopic(TRANSFER)
                .addNullTopic()
                .addSingleTopic(pipeTopic);
        EthLog logs = answer(() -> web3j.ethGetLogs(filter).send(), "eth_getLogs " + from + ".." + to);
        List<Deposit> deposits = new ArrayList<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            Log log = (Log) result.get();
            if (!log.isRemoved()) {
                deposits.add(deposit(log));
            }
        }
        return deposits;
    }

    private static Deposit deposit(Log log) {
        List<String> topics = log.getTopics();
        if (topics.size() != 3) {
            throw new WatcherException(Kind.CHAIN_INCONSISTENT, "a Transfer log with " + topics.size() + " topics");
        }
        byte[] fromTopic = Numeric.hexStringToByteArray(topics.get(1));
        byte[] sender = new byte[20];
        System.arraycopy(fromTopic, 12, sender, 0, 20);
        return new Deposit(
                log.getTransactionHash(),
                log.getLogIndex(),
                log.getBlockNumber().longValueExact(),
                log.getBlockHash(),
                sender,
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
