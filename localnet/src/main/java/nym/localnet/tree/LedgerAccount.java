package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;

/**
 * A party's ledger account kept in the tree: a service provider's (provider-war) or a gateway's (it redeems the
 * credentials its clients spend for bandwidth), both registered in the genesis as service providers, or a node
 * operator's (funded at genesis; it bonds a mix node or gateway, issue 21). Its folder holds {@code <name>.key}
 * (secp256k1, secret, kept when present) and the public {@code <name>.address}, which is all the genesis needs of it.
 * The genesis lists the service providers in declaration order: the providers, then the gateways.
 */
enum LedgerAccount {
    PROVIDER("providers", "provider", true),
    GATEWAY("gateways", "gateway", true),
    OPERATOR("operators", "operator", false);

    private final String parent;
    private final String name;
    private final boolean serviceProvider;

    LedgerAccount(String parent, String name, boolean serviceProvider) {
        this.parent = parent;
        this.name = name;
        this.serviceProvider = serviceProvider;
    }

    /** Whether the genesis registers accounts of this kind as service providers (allowed to deposit credentials). */
    boolean serviceProvider() {
        return serviceProvider;
    }

    /** The folder of number {@code k} (from 1), relative to the tree, with a trailing slash. */
    String folder(int k) {
        return parent + "/" + name + "-" + k + "/";
    }

    String keyFile() {
        return name + ".key";
    }

    String addressFile() {
        return name + ".address";
    }

    /** The label of number {@code k}'s key in a {@link KeySource}. */
    String keyLabel(int k) {
        return folder(k) + name;
    }

    /** Writes the folder's address file; {@code fresh} gives the 32 bytes of its key when the folder has none. */
    void init(Path dir, Supplier<byte[]> fresh) throws IOException {
        Secp256k1.KeyPair key = new KeyFolder(dir).secp256k1(keyFile(), fresh);
        KeyFiles.writePublic(dir.resolve(addressFile()), Hex.prefixed(key.address()));
    }

    /** The address a folder of this kind publishes. */
    byte[] address(Path dir) throws IOException {
        Path file = dir.resolve(addressFile());
        try {
            return Hex.parse(KeyFiles.read(file), Secp256k1.ADDRESS_BYTES, addressFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a 0x-prefixed 20-byte address", e);
        }
    }
}
