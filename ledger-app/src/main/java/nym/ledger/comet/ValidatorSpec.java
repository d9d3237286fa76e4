package nym.ledger.comet;

/**
 * One validator of a chain on this machine: its name, consensus key, p2p key and the local ports of its p2p
 * listener, JSON-RPC and its ABCI application ({@code prometheusPort} 0: no metrics listener).
 */
public record ValidatorSpec(
        String moniker,
        ValidatorKey consensusKey,
        ValidatorKey nodeKey,
        int p2pPort,
        int rpcPort,
        int abciPort,
        int prometheusPort) {

    /** Validator {@code i} (1-based) on ports {@code base + 10·(i−1)}: p2p +0, RPC +1, ABCI +2, Prometheus +3. */
    public static ValidatorSpec numbered(int i, int basePort, ValidatorKey consensusKey, ValidatorKey nodeKey) {
        int base = basePort + 10 * (i - 1);
        return new ValidatorSpec("validator-" + i, consensusKey, nodeKey, base, base + 1, base + 2, base + 3);
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + rpcPort;
    }

    public String abciAddress() {
        return "tcp://127.0.0.1:" + abciPort;
    }

    /** {@code id@127.0.0.1:port}, as peers name it. */
    public String peerAddress() {
        return nodeKey.nodeId() + "@127.0.0.1:" + p2pPort;
    }
}
