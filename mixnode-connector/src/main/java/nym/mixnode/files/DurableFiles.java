package nym.mixnode.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes that survive a crash or power loss once they return: the bytes go to a temporary file that is forced to the
 * disk, renamed over the target (atomic), and the folder is forced so the rename itself is on the disk. A reader
 * therefore finds the old file or the new one, never a part. Blocking I/O: call only off the event loops and the
 * crypto workers (the gateway's storage executor, the replay filters' persister, start and shutdown).
 */
public final class DurableFiles {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** Writes a file's content to the open temporary file (which it must not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel out) throws IOException;
    }

    private DurableFiles() {}

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> writeFully(out, ByteBuffer.wrap(bytes)), new FileAttribute<?>[0]);
    }

    /** As {@link #write(Path, byte[])}, the file readable and writable by its owner only (mode 0600): secrets. */
    public static void writeSecret(Path target, byte[] bytes) throws IOException {
        write(target, out -> writeFully(out, ByteBuffer.wrap(bytes)), new FileAttribute<?>[] {OWNER_ONLY});
    }

    /** As {@link #write(Path, byte[])} for content too large to hold as one array (written by {@code content}). */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, new FileAttribute<?>[0]);
    }

    private static void write(Path target, Content content, FileAttribute<?>[] mode) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, mode);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            content.writeTo(out);
            out.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.getParent());
    }

    public static void writeFully(FileChannel out, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    public static void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) {
            syncFolder(target.getParent());
        }
    }

    /** Forces a folder's entries (creations, renames, deletions) to the disk. */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
