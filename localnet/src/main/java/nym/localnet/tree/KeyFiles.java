package nym.localnet.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How the tree's files are written: to a temporary name in the target folder and moved into place, so a reader never
 * sees half a key; secret files readable by their owner only, public ones by everybody.
 */
final class KeyFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private KeyFiles() {}

    static void writePublic(Path file, String content) throws IOException {
        place(file, content, PUBLIC);
    }

    static void writeSecret(Path file, String content) throws IOException {
        place(file, content, OWNER_ONLY);
    }

    /** A copy of {@code source} at {@code target}, written as above, secret or public as {@code secret} says. */
    static void copy(Path source, Path target, boolean secret) throws IOException {
        place(target, Files.readString(source, StandardCharsets.UTF_8), secret ? OWNER_ONLY : PUBLIC);
    }

    /** A key file's text without surrounding white space; the message of a failure names the file, never its text. */
    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static void place(Path target, String content, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            // a temporary file starts as owner-only; public material is made readable for the other components' users
            Files.setPosixFilePermissions(tmp, mode);
            Files.writeString(tmp, content.endsWith("\n") ? content : content + "\n");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
