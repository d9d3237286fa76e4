package nym.mixnode.bandwidth;

import static nym.mixnode.bandwidth.GatewayFixture.id;
import static nym.mixnode.bandwidth.GatewayFixture.nonce;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The balances file and the spend records: what survives a restart, and malformed files refused naming the file. */
class BandwidthFilesTest {

    private static final long PACKET = 100;

    @TempDir
    Path tmp;

    private BandwidthBalances balances() throws IOException {
        return BandwidthBalances.open(tmp.resolve("balances"), PACKET);
    }

    @Test
    void balances_chargeCreditTakeBack_neverBelowZeroAndShortChargesChangeNothing() throws Exception {
        BandwidthBalances b = balances();
        assertFalse(b.chargePacket(id(1)), "no bandwidth: nothing charged");
        assertEquals(250, b.credit(id(1), 250, 1));
        assertTrue(b.chargePacket(id(1)));
        assertTrue(b.chargePacket(id(1)));
        assertFalse(b.chargePacket(id(1)), "50 left, a packet costs 100");
        assertEquals(50, b.balance(id(1)));
        b.refundPacket(id(1));
        assertEquals(150, b.balance(id(1)));
        assertEquals(150, b.takeBack(id(1), 1000));
        assertEquals(0, b.balance(id(1)));
        assertEquals(0, b.balance(id(2)));
    }

    @Test
    void balances_creditsDurableAtOnce_chargesAtTheFlush() throws Exception {
        BandwidthBalances b = balances();
        b.credit(id(1), 1000, 3);
        b.chargePacket(id(1));
        assertEquals(1000, balances().balance(id(1)), "the charge is not written yet");
        b.flush();
        BandwidthBalances reopened = balances();
        assertEquals(900, reopened.balance(id(1)));
        assertEquals(3, reopened.creditedThrough());
    }

    @Test
    void balances_malformedFile_refusedAndLeftAsItIs() throws Exception {
        BandwidthBalances b = balances();
        b.credit(id(1), 1000, 1);
        Path file = tmp.resolve("balances");
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, this::balances);
        assertTrue(e.getMessage().contains("balances is malformed (checksum"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        Files.write(file, new byte[] {1, 2, 3});
        assertThrows(IOException.class, this::balances);
    }

    private static SpendRecord record(long seq) {
        byte[] zeta = new byte[48];
        zeta[0] = (byte) seq;
        return SpendRecord.accepted(seq, zeta, id(1), 5, 2, nonce(1), new byte[] {9, 8}, 500);
    }

    @Test
    void spendRecord_textRoundTrip() {
        SpendRecord r = record(4).submitted(new byte[] {1, 2}, 77, 1).with(SpendRecord.Status.IN_BLOCK);
        SpendRecord back = SpendRecord.parse(r.toText());
        assertArrayEquals(r.toText(), back.toText());
        assertEquals(SpendRecord.Status.IN_BLOCK, back.status());
        assertEquals(77, back.sentAtMillis());
    }

    @Test
    void spendStore_restart_keepsEveryRecordAndRefusesTheirZetas() throws Exception {
        SpendStore store = SpendStore.open(tmp);
        SpendRecord first = store.addAccepted(record(1).zeta(), id(1), 5, 2, nonce(1), new byte[] {1}, 500)
                .orElseThrow();
        assertTrue(
                store.addAccepted(first.zeta(), id(2), 5, 2, nonce(2), new byte[] {1}, 500)
                        .isEmpty(),
                "one record per ζ");
        store.update(first.submitted(new byte[] {7}, 1, 0));
        SpendStore reopened = SpendStore.open(tmp);
        assertTrue(reopened.contains(first.zeta()));
        assertEquals(SpendRecord.Status.SUBMITTED, reopened.unfinished().get(0).status());
        assertEquals(
                2,
                reopened.addAccepted(record(2).zeta(), id(1), 5, 2, nonce(1), new byte[] {1}, 5)
                        .orElseThrow()
                        .seq());
    }

    @Test
    void spendStore_malformedRecords_refusedNamingTheFile() throws Exception {
        Files.write(tmp.resolve("spend-1"), "seq=1\nzeta=zz\n".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> SpendStore.open(tmp));
        assertTrue(e.getMessage().contains("spend-1 is a malformed spend record"), e.getMessage());

        Files.write(tmp.resolve("spend-1"), record(2).toText());
        e = assertThrows(IOException.class, () -> SpendStore.open(tmp));
        assertTrue(e.getMessage().contains("not the one of its name"), e.getMessage());

        Files.write(tmp.resolve("spend-1"), record(1).toText());
        Files.write(tmp.resolve("notes"), new byte[] {1});
        e = assertThrows(IOException.class, () -> SpendStore.open(tmp));
        assertTrue(e.getMessage().contains("is not a spend record"), e.getMessage());

        Files.delete(tmp.resolve("notes"));
        byte[] text = record(1).toText();
        String tampered = new String(text, StandardCharsets.US_ASCII).replace("status=ACCEPTED", "status=PAID");
        Files.writeString(tmp.resolve("spend-1"), tampered);
        assertThrows(IOException.class, () -> SpendStore.open(tmp));
    }
}
