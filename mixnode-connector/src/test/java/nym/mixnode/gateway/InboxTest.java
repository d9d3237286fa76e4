package nym.mixnode.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nym.gateway.api.Delivered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {

    @TempDir
    Path tmp;

    private static Delivered message(int i) {
        return new Delivered(new byte[16], new byte[] {(byte) i});
    }

    @Test
    void inbox_overCapacity_dropsOldestAndCountsAcrossRestart() throws Exception {
        byte[] client = new byte[32];
        client[0] = 9;
        InboxStore store = new InboxStore(tmp, 3);
        for (int i = 0; i < 5; i++) {
            store.of(client).append(message(i));
        }
        assertEquals(3, store.of(client).size());
        assertEquals(2, store.of(client).droppedTotal());

        InboxStore reopened = new InboxStore(tmp, 3);
        Inbox inbox = reopened.of(client);
        assertEquals(3, inbox.size());
        assertEquals(2, inbox.droppedTotal());
        List<Inbox.Stored> left = inbox.peek(-1, 10, 1 << 20);
        assertEquals(3, left.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new byte[] {(byte) (i + 2)}, left.get(i).message().body());
        }
        long next = inbox.append(message(5));
        assertEquals(left.get(2).seq() + 1, next);
        assertEquals(3, inbox.droppedTotal());
    }

    @Test
    void inbox_removeAndPeekAfter_followSequence() throws Exception {
        Inbox inbox = new InboxStore(tmp, 10).of(new byte[32]);
        long a = inbox.append(message(1));
        long b = inbox.append(message(2));
        assertEquals(
                List.of(b),
                inbox.peek(a, 10, 1 << 20).stream().map(Inbox.Stored::seq).toList());
        inbox.remove(a);
        inbox.remove(a);
        assertEquals(1, inbox.size());
        assertEquals(1, inbox.peek(-1, 10, 1 << 20).size());
    }

    @Test
    void inbox_corruptFile_skippedAndRemoved() throws Exception {
        byte[] client = new byte[32];
        Inbox inbox = new InboxStore(tmp, 10).of(client);
        long seq = inbox.append(message(1));
        inbox.append(message(2));
        try (var files = Files.walk(tmp)) {
            Path first = files.filter(p -> p.getFileName().toString().equals(String.format("%020d.msg", seq)))
                    .findFirst()
                    .orElseThrow();
            Files.write(first, new byte[] {1, 2, 3});
        }
        List<Inbox.Stored> read = new InboxStore(tmp, 10).of(client).peek(-1, 10, 1 << 20);
        assertEquals(1, read.size());
        assertArrayEquals(new byte[] {2}, read.get(0).message().body());
    }
}
