package nym.client.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import nym.client.ClientException;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;

/**
 * Secret material on disk: unpadded base64url text in files of mode 0600, created without ever being readable by
 * others (the file is created with its permissions, then written). Existing files are never overwritten.
 */
public final class SecretFiles {

    private SecretFiles() {}

    /** Writes {@code secret} to a new file; refuses to overwrite one that exists. */
    public static void create(Path file, byte[] secret) {
        byte[] bytes = (Keys.encode(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, bytes);
        } catch (FileAlreadyExistsException e) {
            throw new ClientException(ClientException.Kind.KEYS, file + " exists already; not overwriting it", e);
        } catch (IOException e) {
            throw new ClientException(ClientException.Kind.KEYS, "cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public static byte[] read(Path file, int length) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new ClientException(ClientException.Kind.KEYS, "cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Keys.decode(text, length, file.getFileName().toString());
        } catch (DirectoryException e) {
            throw new ClientException(ClientException.Kind.KEYS, file + ": " + e.getMessage(), e);
        }
    }
}
