package nym.mixnode.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nym.directory.api.Keys;
import nym.mixnode.files.DurableFiles;

/** A 32-byte secret in a file of its own: unpadded base64url and a line feed, mode 0600, written atomically. */
final class SecretFiles {

    private SecretFiles() {}

    static void write(Path file, byte[] secret) throws IOException {
        DurableFiles.writeSecret(file, (Keys.encode(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] read(Path file) throws IOException {
        return Keys.decode(
                Files.readString(file).strip(),
                Keys.SECRET_KEY_BYTES,
                file.getFileName().toString());
    }
}
