package nym.watcher.infrastructure.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.watcher.domain.WatcherException;
import nym.watcher.domain.WatcherException.Kind;

/**
 * What a watcher reads from the network tree (localnet/README.md, "The network tree"): its key
 * {@code authorities/authority-<i>/watcher.key}, the pipe account {@code ethereum/pipe.address} and the token
 * {@code ethereum/token.address} (written by {@code ethereum deploy}).
 */
public record NetworkTree(Path home) {

    /** Watcher key of authority {@code index} (64 hex digits). */
    public Secp256k1.KeyPair watcherKey(int index) {
        Path file = home.resolve("authorities/authority-" + index + "/watcher.key");
        try {
            return Secp256k1.KeyPair.of(Hex.parse(read(file).orElseThrow(() -> missing(file)), 32, "watcher key"));
        } catch (RuntimeException e) {
            if (e instanceof WatcherException w) {
                throw w;
            }
            // never the key itself in the message
            throw new WatcherException(Kind.CONFIGURATION, file + " is not a 32-byte hex secp256k1 key");
        }
    }

    public String pipeAddress() {
        Path file = home.resolve("ethereum/pipe.address");
        return address(file, read(file).orElseThrow(() -> missing(file)));
    }

    /** The token's address, empty until the token is deployed. */
    public Optional<String> tokenAddress() {
        Path file = home.resolve("ethereum/token.address");
        return read(file).map(a -> address(file, a));
    }

    /** A 0x address in lower case, as every component compares them. */
    static String address(Object source, String text) {
        try {
            return Hex.prefixed(Hex.parse(text.trim(), 20, "address"));
        } catch (RuntimeException e) {
            throw new WatcherException(Kind.CONFIGURATION, source + ": not a 20-byte 0x address: " + text.trim());
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new WatcherException(Kind.CONFIGURATION, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static WatcherException missing(Path file) {
        return new WatcherException(Kind.CONFIGURATION, "missing " + file);
    }
}
