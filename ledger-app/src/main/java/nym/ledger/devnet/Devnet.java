package nym.ledger.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.abci.AbciApplication;
import nym.ledger.abci.AbciServer;
import nym.ledger.state.LedgerState;

/**
 * The development chain as one process: the ABCI application listening on its socket (unless an external one is
 * given), the {@link DevnetNode} driving it through that socket, and the RPC server. Start order: app, node,
 * RPC; halt in reverse.
 *
 * <p>Layout under {@code home}: {@code config/genesis.json}, {@code validator_key.p8}/{@code .pub},
 * {@code data/blocks.log} (the chain), {@code app/state.log} (the application's state).
 */
public final class Devnet implements AutoCloseable {

    /** Settings; defaults in {@link #defaults(Path)}. */
    public record Options(
            Path home,
            Path genesisFile,
            String chainId,
            String rpcAddress,
            String abciAddress,
            String proxyApp,
            Duration blockInterval,
            int maxBlockTxs,
            long maxBlockBytes,
            int mempoolSize,
            int devAccounts,
            long devBalance,
            Duration commitTimeout) {
        public Options with(String rpc, String abci, Duration interval) {
            return new Options(
                    home,
                    genesisFile,
                    chainId,
                    rpc,
                    abci,
                    proxyApp,
                    interval,
                    maxBlockTxs,
                    maxBlockBytes,
                    mempoolSize,
                    devAccounts,
                    devBalance,
                    commitTimeout);
        }
    }

    public static Options defaults(Path home) {
        return new Options(
                home,
                null,
                "nym-devnet",
                "tcp://127.0.0.1:26657",
                "tcp://127.0.0.1:26658",
                null,
                Duration.ofSeconds(1),
                10_000,
                4L << 20,
                100_000,
                100,
                1_000_000_000L,
                Duration.ofSeconds(30));
    }

    private final LedgerState state;
    private final AbciServer abci;
    private final DevnetNode node;
    private final RpcServer rpc;

    private Devnet(LedgerState state, AbciServer abci, DevnetNode node, RpcServer rpc) {
        this.state = state;
        this.abci = abci;
        this.node = node;
        this.rpc = rpc;
    }

    public static Devnet start(Options o) {
        GenesisDoc genesis = genesis(o);
        LedgerState state = null;
        AbciServer abci = null;
        DevnetNode node = null;
        try {
            java.net.InetSocketAddress appAddress;
            if (o.proxyApp() == null) {
                state = LedgerState.open(o.home().resolve("app"));
                abci = AbciServer.start(new AbciApplication(state), o.abciAddress());
                appAddress = abci.address();
            } else {
                appAddress = AbciServer.parseAddress(o.proxyApp());
            }
            node = new DevnetNode(new DevnetNode.Config(
                    o.home(),
                    genesis,
                    appAddress,
                    o.blockInterval(),
                    o.maxBlockTxs(),
                    o.maxBlockBytes(),
                    o.mempoolSize(),
                    "nym-devnet"));
            java.net.InetSocketAddress bind = AbciServer.parseAddress(o.rpcAddress());
            String advertised = "tcp://" + bind.getHostString() + ":" + bind.getPort();
            RpcServer rpc = new RpcServer(new RpcMethods(node, advertised, o.commitTimeout()), node.bus(), bind);
            return new Devnet(state, abci, node, rpc);
        } catch (RuntimeException e) {
            if (node != null) {
                node.close();
            }
            if (abci != null) {
                abci.close();
            }
            if (state != null) {
                state.close();
            }
            throw e;
        }
    }

    private static GenesisDoc genesis(Options o) {
        if (o.genesisFile() != null) {
            return GenesisDoc.read(o.genesisFile());
        }
        Path file = o.home().resolve("config").resolve("genesis.json");
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(
                        file,
                        GenesisDoc.toBytes(GenesisDoc.development(o.chainId(), 3, 2, o.devAccounts(), o.devBalance())));
            } catch (IOException e) {
                throw new LedgerException(Kind.STORAGE, "cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return GenesisDoc.read(file);
    }

    public DevnetNode node() {
        return node;
    }

    public java.net.InetSocketAddress rpcAddress() {
        return rpc.address();
    }

    /** The application's ABCI address (null when an external app is used). */
    public java.net.InetSocketAddress abciAddress() {
        return abci == null ? null : abci.address();
    }

    @Override
    public void close() {
        rpc.close();
        node.close();
        if (abci != null) {
            abci.close();
        }
        if (state != null) {
            state.close();
        }
    }
}
