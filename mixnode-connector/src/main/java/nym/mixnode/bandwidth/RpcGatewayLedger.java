package nym.mixnode.bandwidth;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;
import java.util.Optional;
import nym.coconut.CoconutException;
import nym.coconut.setup.Parameters;
import nym.credential.CompletedKeyEpoch;
import nym.credential.PayloadException;
import nym.credential.rpc.LedgerKeyEpochs;
import nym.credential.rpc.LedgerRpc;
import nym.credential.rpc.LedgerRpcException;
import nym.credential.rpc.RpcTransactionLedger;
import nym.ledger.Hex;

/**
 * {@link GatewayLedger} over the ledger's CometBFT RPC ({@link LedgerRpc}); the transactions are its base's. Answers
 * that do not read are outages.
 */
public final class RpcGatewayLedger extends RpcTransactionLedger implements GatewayLedger {

    private final LedgerKeyEpochs keyEpochs;

    public RpcGatewayLedger(LedgerRpc rpc) {
        super(rpc);
        this.keyEpochs = new LedgerKeyEpochs(rpc);
    }

    @Override
    public NetworkParams params() {
        JsonObject p = rpc().query("/params", new byte[0])
                .orElseThrow(() -> new LedgerRpcException("the ledger has no /params answer"));
        try {
            long bytesPerNym = NetworkParams.DEFAULT_BYTES_PER_NYM;
            JsonValue v = p.get("bandwidth_bytes_per_nym");
            if (v != null) {
                bytesPerNym = Long.parseLong(((JsonString) v).getString());
            }
            byte[] coconut =
                    Base64.getDecoder().decode(p.getJsonObject("coconut").getString("params"));
            return new NetworkParams(bytesPerNym, Parameters.fromBytes(coconut));
        } catch (CoconutException | RuntimeException e) {
            throw new LedgerRpcException("the ledger's /params answer does not read: " + e.getMessage(), e);
        }
    }

    @Override
    public String zetaStatus(byte[] zeta) {
        return field(rpc().query("/zeta", zeta), "/zeta", "status")
                .orElseThrow(() -> new LedgerRpcException("the ledger has no /zeta answer"));
    }

    @Override
    public Optional<String> depositStatus(String depositId) {
        return field(rpc().query("/deposit", Hex.parse(depositId)), "/deposit", "status");
    }

    private static Optional<String> field(Optional<JsonObject> answer, String path, String name) {
        try {
            return answer.map(o -> o.getString(name));
        } catch (RuntimeException e) {
            throw new LedgerRpcException("the ledger's " + path + " answer has no " + name, e);
        }
    }

    @Override
    public Optional<CompletedKeyEpoch> latestCompleted() throws PayloadException {
        return keyEpochs.latestCompleted();
    }

    @Override
    public Optional<CompletedKeyEpoch> completed(long keyEpoch) throws PayloadException {
        return keyEpochs.completed(keyEpoch);
    }
}
