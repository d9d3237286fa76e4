package nym.ledger.devnet;

import java.util.concurrent.CompletionException;
import nym.ledger.LedgerException;

/**
 * A JSON-RPC error object as CometBFT sends it ({@code code, message, data}), derived from a
 * {@link LedgerException}'s kind: INVALID_PARAMS -32602, UNKNOWN_METHOD -32601, BAD_REQUEST -32600, anything else
 * -32603 "Internal error" with the reason in {@code data} (as CometBFT reports most failures).
 */
public record RpcError(int code, String message, String data) {
    public static final int PARSE = -32700;

    static RpcError parseError() {
        return new RpcError(PARSE, "Parse error. Invalid JSON", "");
    }

    static RpcError of(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof LedgerException e) {
            return switch (e.kind()) {
                case INVALID_PARAMS -> new RpcError(-32602, "Invalid params", e.getMessage());
                case UNKNOWN_METHOD -> new RpcError(-32601, "Method not found", e.getMessage());
                case BAD_REQUEST -> new RpcError(-32600, "Invalid Request", e.getMessage());
                default -> new RpcError(-32603, "Internal error", e.getMessage());
            };
        }
        return new RpcError(-32603, "Internal error", String.valueOf(c.getMessage()));
    }
}
