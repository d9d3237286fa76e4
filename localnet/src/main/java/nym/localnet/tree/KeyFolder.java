package nym.localnet.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;

/**
 * The secret key files of one party's folder: each is read when present (and checked) and generated when not, so a
 * party's keys are never replaced behind its back. Remembers which files it generated and which it kept, by name.
 */
final class KeyFolder {

    /** Reads a key from its text form. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws Exception;
    }

    private final Path dir;
    private final List<String> generated = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();

    KeyFolder(Path dir) {
        this.dir = dir;
    }

    /** A secp256k1 private key file (64 hex digits), {@code fresh} giving the 32 bytes of a new one. */
    Secp256k1.KeyPair secp256k1(String name, Supplier<byte[]> fresh) throws IOException {
        return key(
                name,
                "a secp256k1 private key (64 hex digits)",
                text -> Secp256k1.KeyPair.of(Hex.parse(text, 32, name)),
                () -> HexFormat.of().formatHex(fresh.get()));
    }

    /** The key in file {@code name} ({@code what} it must be, for the refusal), written from {@code fresh} if absent. */
    <T> T key(String name, String what, Parser<T> parser, Supplier<String> fresh) throws IOException {
        Path file = dir.resolve(name);
        String text;
        if (Files.exists(file)) {
            text = KeyFiles.read(file);
            kept.add(name);
        } else {
            text = fresh.get();
            KeyFiles.writeSecret(file, text);
            generated.add(name);
        }
        try {
            return parser.parse(text);
        } catch (Exception e) {
            // the parsers' messages may quote the text: neither the message nor the cause is passed on
            throw new IllegalStateException(file + " is not " + what + ": fix or remove it");
        }
    }

    List<String> generated() {
        return List.copyOf(generated);
    }

    List<String> kept() {
        return List.copyOf(kept);
    }
}
