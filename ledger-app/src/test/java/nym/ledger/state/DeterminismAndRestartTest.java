package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.ledger.LedgerException;
import nym.ledger.TestNet;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismAndRestartTest {

    /**
     * A chain of blocks exercising every transaction kind, including refusals: key epoch 1 completes at the start of
     * block 5 (dealings in block 1, complaint phase 2..4), before the credential requests.
     */
    static List<List<byte[]>> blocks(TestNet n) {
        List<List<byte[]>> blocks = new ArrayList<>();
        byte[] eth = Secp256k1.keccak256("deposit-1".getBytes(StandardCharsets.UTF_8));
        blocks.add(List.of(
                n.tx.pipeTransfer(n.watchers[0], 0, eth, n.bob.address(), 300),
                n.tx.transfer(n.alice, 0, n.bob.address(), 10),
                n.tx.dkgDealing(n.issuers[0], 0, 1, n.dealing(1, 1).toBytes()),
                n.tx.dkgDealing(n.issuers[1], 0, 1, n.dealing(2, 1).toBytes()),
                n.tx.dkgDealing(n.issuers[2], 0, 1, n.dealing(3, 1).toBytes())));
        blocks.add(List.of(
                n.tx.pipeTransfer(n.watchers[1], 0, eth, n.bob.address(), 300),
                n.tx.pipeTransfer(n.watchers[2], 0, eth, n.bob.address(), 300), // refused: settled
                n.tx.dkgComplaint(n.issuers[0], 1, 1, 2, n.complaint(n.dealing(2, 1), 2, 1, 1)))); // unjustified
        blocks.add(List.of());
        blocks.add(List.of());
        blocks.add(List.of(
                n.tx.credentialRequest(n.bob, 0, 100, new byte[] {1, 2, 3}),
                n.tx.credentialRequest(n.bob, 1, 3, new byte[] {1}))); // value not allowed
        byte[] d = n.tx.credentialDeposit(n.provider, 0, TestNet.zeta(1), 100, new byte[] {7});
        blocks.add(List.of(d));
        byte[] id = Transaction.sha256(d);
        blocks.add(List.of(n.tx.verificationVote(n.verifiers[0], 0, id, true)));
        blocks.add(List.of());
        blocks.add(List.of(
                n.tx.verificationVote(n.verifiers[1], 0, id, true),
                n.tx.verificationVote(n.verifiers[2], 0, id, true)));
        for (int i = 0; i < 5; i++) {
            blocks.add(List.of(n.tx.transfer(n.alice, 1 + i, n.provider.address(), 1 + i)));
        }
        return blocks;
    }

    private static byte[] run(LedgerState s, List<List<byte[]>> blocks, int from, int to) {
        byte[] last = s.appHash();
        for (int i = from; i < to; i++) {
            last = s.finalizeBlock(i + 1, 0, blocks.get(i)).appHash();
            s.commit();
        }
        return last;
    }

    @Test
    void twoInstances_sameBlocks_sameAppHashAtEveryHeight() {
        TestNet n = new TestNet();
        List<List<byte[]>> blocks = blocks(n);
        LedgerState a = LedgerState.inMemory();
        LedgerState b = LedgerState.inMemory();
        assertArrayEquals(a.initChain(TestNet.CHAIN, n.genesis()), b.initChain(TestNet.CHAIN, n.genesis()));
        for (int i = 0; i < blocks.size(); i++) {
            byte[] ha = a.finalizeBlock(i + 1, 0, blocks.get(i)).appHash();
            // b receives the same transactions as fresh byte arrays (no shared caches of objects)
            List<byte[]> copy = blocks.get(i).stream().map(byte[]::clone).toList();
            byte[] hb = b.finalizeBlock(i + 1, 0, copy).appHash();
            assertArrayEquals(ha, hb, "height " + (i + 1));
            a.commit();
            b.commit();
        }
        assertEquals(a.entries(), b.entries());
    }

    @Test
    void differentBlocks_differentAppHash() {
        TestNet n = new TestNet();
        LedgerState a = LedgerState.inMemory();
        LedgerState b = LedgerState.inMemory();
        a.initChain(TestNet.CHAIN, n.genesis());
        b.initChain(TestNet.CHAIN, n.genesis());
        byte[] ha = a.finalizeBlock(1, 0, List.of(n.tx.transfer(n.alice, 0, n.bob.address(), 1)))
                .appHash();
        byte[] hb = b.finalizeBlock(1, 0, List.of(n.tx.transfer(n.alice, 0, n.bob.address(), 2)))
                .appHash();
        assertFalse(Arrays.equals(ha, hb));
    }

    @Test
    void restart_midChain_resumesWithSameAppHash(@TempDir Path dir) {
        TestNet n = new TestNet();
        List<List<byte[]>> blocks = blocks(n);
        LedgerState reference = LedgerState.inMemory();
        reference.initChain(TestNet.CHAIN, n.genesis());
        byte[] expected = run(reference, blocks, 0, blocks.size());

        int mid = 6;
        byte[] atMid;
        try (LedgerState first = LedgerState.open(dir)) {
            first.initChain(TestNet.CHAIN, n.genesis());
            atMid = run(first, blocks, 0, mid);
        }
        try (LedgerState second = LedgerState.open(dir)) {
            assertTrue(second.initialized());
            assertEquals(mid, second.height());
            assertArrayEquals(atMid, second.appHash());
            assertArrayEquals(expected, run(second, blocks, mid, blocks.size()));
        }
        try (LedgerState third = LedgerState.open(dir)) {
            assertEquals(blocks.size(), third.height());
            assertArrayEquals(expected, third.appHash());
        }
    }

    @Test
    void restart_afterFinalizeWithoutCommit_resumesAtLastCommit(@TempDir Path dir) {
        TestNet n = new TestNet();
        List<List<byte[]>> blocks = blocks(n);
        byte[] atTwo;
        try (LedgerState s = LedgerState.open(dir)) {
            s.initChain(TestNet.CHAIN, n.genesis());
            atTwo = run(s, blocks, 0, 2);
            s.finalizeBlock(3, 0, blocks.get(2)); // crash before Commit
        }
        try (LedgerState s = LedgerState.open(dir)) {
            assertEquals(2, s.height());
            assertArrayEquals(atTwo, s.appHash());
            run(s, blocks, 2, 3); // CometBFT replays block 3
            assertEquals(3, s.height());
        }
    }

    /** CometBFT killed between FinalizeBlock and Commit, the application still running: the block comes again. */
    @Test
    void finalizeBlockAgainBeforeCommit_reExecutedFromTheCommittedState() {
        TestNet n = new TestNet();
        List<List<byte[]>> blocks = blocks(n);
        LedgerState reference = LedgerState.inMemory();
        reference.initChain(TestNet.CHAIN, n.genesis());
        byte[] expected = run(reference, blocks, 0, 4);

        LedgerState s = LedgerState.inMemory();
        s.initChain(TestNet.CHAIN, n.genesis());
        run(s, blocks, 0, 2);
        s.finalizeBlock(3, 0, blocks.get(2));
        s.finalizeBlock(3, 0, blocks.get(2)); // the replay: refused before, as "FinalizeBlock 3 before Commit of 3"
        s.commit();
        assertArrayEquals(expected, run(s, blocks, 3, 4));
        assertThrows(LedgerException.class, () -> s.finalizeBlock(6, 0, blocks.get(5)), "a height skipped is refused");
    }

    @Test
    void restart_tornLastRecord_isCutOff(@TempDir Path dir) throws Exception {
        TestNet n = new TestNet();
        List<List<byte[]>> blocks = blocks(n);
        byte[] atThree;
        try (LedgerState s = LedgerState.open(dir)) {
            s.initChain(TestNet.CHAIN, n.genesis());
            atThree = run(s, blocks, 0, 3);
        }
        Files.write(dir.resolve("state.log"), new byte[] {0x4e, 0x59, 0x4d, 0x4c, 0, 0, 0}, StandardOpenOption.APPEND);
        try (LedgerState s = LedgerState.open(dir)) {
            assertEquals(3, s.height());
            assertArrayEquals(atThree, s.appHash());
            run(s, blocks, 3, 4);
        }
        try (LedgerState s = LedgerState.open(dir)) {
            assertEquals(4, s.height());
        }
    }
}
