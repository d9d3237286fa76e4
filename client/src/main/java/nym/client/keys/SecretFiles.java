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
 * others (the file is created with its permissions, then written). {@link #create} never overwrites.
 */
public final class SecretFiles {

    private SecretFiles() {}

    /** Writes {@code secret} to a new file; refuses to overwrite one that exists. */
    public static void create(Path file, byte[] secret) {
        writeText(file, Keys.encode(secret), false);
    }

    /** Writes or replaces a secret text atomically (write a temporary file of mode 0600, then rename it over). */
    public static void replaceText(Path file, String text) {
        writeText(file, text, true);
    }

    public static byte[] read(Path file, int length) {
        String text = readText(file);
        try {
            return Keys.decode(text, length, file.getFileName().toString());
        } catch (DirectoryException e) {
            throw new ClientException(ClientException.Kind.KEYS, file + ": " + e.getMessage(), e);
        }
    }

    public static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new ClientException(ClientException.Kind.KEYS, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeText(Path file, String text, boolean replace) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path target = file;
            if (replace) {
                target = file.resolveSibling(file.getFileName() + ".tmp");
                Files.deleteIfExists(target);
            }
            Files.createFile(
                    target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(target, bytes);
            if (replace) {
                Files.move(
                        target,
                        file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ClientException(ClientException.Kind.KEYS, file + " exists already; not overwriting it", e);
        } catch (IOException e) {
            throw new ClientException(ClientException.Kind.KEYS, "cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
