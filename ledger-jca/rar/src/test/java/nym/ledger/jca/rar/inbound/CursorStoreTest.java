package nym.ledger.jca.rar.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

    @TempDir
    Path dir;

    @Test
    void save_thenLoad_idAndChainBack() throws Exception {
        CursorStore store = new CursorStore(dir.resolve("cursors"));

        store.save("nym:issuer/Mdb", new EventId(7, 1, 2), "nym-devnet/ABCD");
        store.save("nym:issuer/Mdb", new EventId(8, 0, 0), "nym-devnet/ABCD");

        CursorStore.Cursor c = store.load("nym:issuer/Mdb").orElseThrow();
        assertEquals(new EventId(8, 0, 0), c.id());
        assertEquals("nym-devnet/ABCD", c.chain());
        try (var files = Files.list(dir.resolve("cursors"))) {
            assertEquals(1, files.count(), "one file per subscriber, no temporary files left");
        }
    }

    @Test
    void load_unknownSubscriber_empty() throws Exception {
        assertTrue(new CursorStore(dir).load("nobody").isEmpty());
    }

    @Test
    void load_cursorWithoutChain_chainNull() throws Exception {
        CursorStore store = new CursorStore(dir);
        store.save("s", new EventId(3, 0, 0), null);

        assertNull(store.load("s").orElseThrow().chain());
    }

    @Test
    void load_tornFile_configurationError() throws Exception {
        CursorStore store = new CursorStore(dir);
        store.save("s", new EventId(3, 0, 0), null);
        try (var files = Files.list(dir)) {
            Files.writeString(files.findFirst().orElseThrow(), "3/0");
        }

        assertEquals(
                LedgerException.Kind.CONFIGURATION,
                assertThrows(LedgerException.class, () -> store.load("s")).kind());
    }
}
