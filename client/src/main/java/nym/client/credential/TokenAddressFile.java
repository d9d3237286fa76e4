package nym.client.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ethereum/token.address} of a network tree: where the NYM ERC20 was deployed, once it was. */
final class TokenAddressFile {

    private TokenAddressFile() {}

    static Optional<String> read(Path networkHome) {
        Path file = networkHome.resolve("ethereum").resolve("token.address");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("0x[0-9a-fA-F]{40}") ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
