package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nym.ledger.TestNet;
import nym.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;

class DecodeCacheTest {
    private final TestNet net = new TestNet();

    private List<byte[]> transfers(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(net.tx.transfer(net.alice, i + 1, net.bob.address(), 1)); // nonces 1..n: equal sizes
        }
        return out;
    }

    @Test
    void put_beyondBound_evictsOldestAndStaysWithinBytes() {
        List<byte[]> raws = transfers(10);
        long bound = 4 * DecodeCache.cost(raws.get(0));
        DecodeCache cache = new DecodeCache(bound);
        for (byte[] raw : raws) {
            cache.put(Transaction.decode(raw), raw);
            assertTrue(cache.bytes() <= bound, "bytes " + cache.bytes());
        }
        assertEquals(bound, cache.bytes());
        assertNull(cache.get(Transaction.sha256(raws.get(0))));
        assertNull(cache.get(Transaction.sha256(raws.get(5))));
        for (byte[] raw : raws.subList(6, 10)) {
            assertNotNull(cache.get(Transaction.sha256(raw)));
        }
    }

    @Test
    void put_entryLargerThanBound_notKept() {
        byte[] raw = transfers(1).get(0);
        DecodeCache cache = new DecodeCache(DecodeCache.cost(raw) - 1);
        cache.put(Transaction.decode(raw), raw);
        assertEquals(0, cache.bytes());
        assertNull(cache.get(Transaction.sha256(raw)));
    }

    @Test
    void remove_twiceOrUnknown_keepsAccountingExact() {
        byte[] raw = transfers(1).get(0);
        DecodeCache cache = new DecodeCache(1 << 20);
        cache.put(Transaction.decode(raw), raw);
        cache.put(Transaction.decode(raw), raw);
        assertEquals(DecodeCache.cost(raw), cache.bytes());
        cache.remove(Transaction.sha256(raw));
        cache.remove(Transaction.sha256(raw));
        cache.remove(new byte[32]);
        assertEquals(0, cache.bytes());
    }
}
