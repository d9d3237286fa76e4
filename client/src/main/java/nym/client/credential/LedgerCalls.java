package nym.client.credential;

import java.util.function.Supplier;
import nym.client.ClientException;
import nym.client.ClientException.Kind;
import nym.credential.rpc.LedgerRpcException;

/**
 * The client's boundary to credential-api's {@link nym.credential.rpc.LedgerRpc}: a ledger that cannot be asked
 * becomes a {@link ClientException} of {@link Kind#LEDGER}, so users see {@code error (LEDGER): …} like every other
 * refusal of the client.
 */
final class LedgerCalls {

    private LedgerCalls() {}

    static <T> T ask(Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerRpcException e) {
            throw new ClientException(Kind.LEDGER, e.getMessage(), e);
        }
    }
}
