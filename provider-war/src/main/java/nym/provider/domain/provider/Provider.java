package nym.provider.domain.provider;

import java.util.Objects;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;

/**
 * A service provider of the network: its index k in the network tree ({@code providers/provider-<k>}) and its ledger
 * account, which signs its deposits. Its <em>binding</em> — the verifier identity a credential shown to it is bound
 * to — is its 20-byte ledger address, which the verifiers read from the deposit (the {@code redeem} event's
 * {@code provider}).
 */
public record Provider(int index, Secp256k1.KeyPair account) {

    public Provider {
        if (index < 1) {
            throw new IllegalArgumentException("provider index must be 1 or more");
        }
        Objects.requireNonNull(account, "account");
    }

    /** The verifier identity of showings to this provider: its ledger address (20 bytes). */
    public byte[] binding() {
        return account.address().clone();
    }

    /** The ledger address, {@code 0x} + lowercase hex. */
    public String address() {
        return Hex.prefixed(account.address());
    }

    @Override
    public String toString() {
        return "Provider[" + index + ", " + address() + "]";
    }
}
