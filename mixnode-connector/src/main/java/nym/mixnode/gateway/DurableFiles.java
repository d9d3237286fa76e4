package nym.mixnode.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a crash or power loss once they return: the bytes go to a temporary file that is forced to the
 * disk, renamed over the target (atomic), and the folder is forced so the rename itself is on the disk. Blocking I/O:
 * call only on the gateway's storage executor, never on an event loop or a crypto worker.
 */
final class DurableFiles {

    private DurableFiles() {}

    static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            out.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.getParent());
    }

    static void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) {
            syncFolder(target.getParent());
        }
    }

    /** Forces a folder's entries (creations, renames, deletions) to the disk. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
