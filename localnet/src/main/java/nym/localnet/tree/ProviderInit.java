package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;

/**
 * Writes one service provider's folder: {@code provider.key} (its secp256k1 ledger account, secret, kept when
 * present) and the public {@code provider.address}, which is all the genesis needs of it.
 */
final class ProviderInit {

    static final String KEY = "provider.key";
    static final String ADDRESS = "provider.address";

    private ProviderInit() {}

    /** The provider's address; {@code fresh} gives the 32 bytes of its key when the folder has none. */
    static byte[] init(Path dir, Supplier<byte[]> fresh) throws IOException {
        Secp256k1.KeyPair key = new KeyFolder(dir).secp256k1(KEY, fresh);
        KeyFiles.writePublic(dir.resolve(ADDRESS), Hex.prefixed(key.address()));
        return key.address();
    }

    /** The address a provider folder publishes. */
    static byte[] address(Path dir) throws IOException {
        Path file = dir.resolve(ADDRESS);
        try {
            return Hex.parse(KeyFiles.read(file), Secp256k1.ADDRESS_BYTES, ADDRESS);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a 0x-prefixed 20-byte address", e);
        }
    }
}
