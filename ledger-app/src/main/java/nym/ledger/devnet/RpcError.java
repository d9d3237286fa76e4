package nym.ledger.devnet;

/** A JSON-RPC error as CometBFT sends it: code, message, data. */
public final class RpcError extends RuntimeException {
    public static final int PARSE = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL = -32603;

    private final int code;
    private final String data;

    public RpcError(int code, String message, String data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public static RpcError internal(String data) {
        return new RpcError(INTERNAL, "Internal error", data);
    }

    public static RpcError invalidParams(String data) {
        return new RpcError(INVALID_PARAMS, "Invalid params", data);
    }

    public int code() {
        return code;
    }

    public String data() {
        return data;
    }
}
