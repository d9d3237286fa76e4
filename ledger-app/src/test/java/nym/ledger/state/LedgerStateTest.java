package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.TestNet;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestNet net;
    private LedgerState state;

    @BeforeEach
    void setUp() {
        net = new TestNet();
        state = LedgerState.inMemory();
        state.initChain(TestNet.CHAIN, net.genesis());
    }

    private List<TxOutcome> block(byte[]... txs) {
        LedgerState.BlockOutcome o = state.finalizeBlock(state.height() + 1, 0, List.of(txs));
        state.commit();
        return o.txs();
    }

    private TxOutcome one(byte[] tx) {
        return block(tx).get(0);
    }

    private long balance(Secp256k1.KeyPair k) {
        return queryJson("/balance", Hex.prefixed(k.address())).get("balance").asLong();
    }

    private JsonNode queryJson(String path, String hexArg) {
        QueryResult r = state.query(path, hexArg == null ? new byte[0] : hexArg.getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, r.code(), r.log());
        try {
            return r.value() == null ? null : JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(Kind kind, TxOutcome o) {
        assertEquals(kind.code(), o.code(), o.log());
        assertTrue(o.events().isEmpty());
    }

    // ------------------------------------------------------------------ transfers, nonces, signatures

    @Test
    void transfer_signedWithRightNonce_movesBalanceAndBumpsNonce() {
        TxOutcome o = one(net.tx.transfer(net.alice, net.next(net.alice), net.bob.address(), 300));
        assertTrue(o.isOk(), o.log());
        assertEquals(700, balance(net.alice));
        assertEquals(300, balance(net.bob));
        assertEquals(
                1,
                queryJson("/account", Hex.prefixed(net.alice.address()))
                        .get("nonce")
                        .asLong());
        assertEquals("transfer", o.events().get(0).type());
    }

    @Test
    void transfer_wrongNonce_refusedAndStateUnchanged() {
        block(); // the first block starts key epoch 1: compare from a block where nothing else moves
        byte[] before = state.appHash();
        assertRefused(Kind.WRONG_NONCE, one(net.tx.transfer(net.alice, 5, net.bob.address(), 1)));
        assertEquals(1000, balance(net.alice));
        assertArrayEquals(before, state.appHash());
    }

    @Test
    void transfer_replayedInLaterBlock_refused() {
        byte[] t = net.tx.transfer(net.alice, net.next(net.alice), net.bob.address(), 100);
        assertTrue(one(t).isOk());
        assertRefused(Kind.WRONG_NONCE, one(t));
        assertEquals(100, balance(net.bob));
    }

    @Test
    void transfer_replayedInSameBlock_secondRefused() {
        byte[] t = net.tx.transfer(net.alice, net.next(net.alice), net.bob.address(), 100);
        List<TxOutcome> r = block(t, t);
        assertTrue(r.get(0).isOk());
        assertRefused(Kind.WRONG_NONCE, r.get(1));
        assertEquals(100, balance(net.bob));
    }

    private long nonce(Secp256k1.KeyPair k) {
        return queryJson("/account", Hex.prefixed(k.address())).get("nonce").asLong();
    }

    @Test
    void transfer_insufficientBalance_refused() {
        assertRefused(Kind.INSUFFICIENT_BALANCE, state.checkTx(net.tx.transfer(net.alice, 0, net.bob.address(), 1001)));
        assertRefused(Kind.INSUFFICIENT_BALANCE, one(net.tx.transfer(net.alice, 0, net.bob.address(), 1001)));
        assertEquals(1000, balance(net.alice));
    }

    @Test
    void finalizeBlock_txFailingAfterValidNonce_consumesNonceOnly() {
        assertRefused(Kind.INSUFFICIENT_BALANCE, one(net.tx.transfer(net.alice, 0, net.bob.address(), 1001)));
        assertEquals(1, nonce(net.alice));
        assertEquals(1000, balance(net.alice));
        assertEquals(0, balance(net.bob));
        assertTrue(one(net.tx.transfer(net.alice, 1, net.bob.address(), 1)).isOk());
    }

    @Test
    void finalizeBlock_depositPassedCheckTxButFailedInBlock_cannotComeBackAsZombie() {
        byte[] z = TestNet.zeta(20);
        byte[] mine = net.tx.credentialDeposit(net.provider, 0, z, 10, new byte[] {1});
        assertTrue(state.checkTx(mine).isOk());
        byte[] theirs = net.tx.credentialDeposit(net.otherProvider, 0, z, 10, new byte[] {2});
        List<TxOutcome> r = block(theirs, mine); // another node's mempool had the same ζ first
        assertTrue(r.get(0).isOk(), r.get(0).log());
        assertRefused(Kind.DOUBLE_SPEND, r.get(1));
        assertEquals(1, nonce(net.provider));
        // the verifiers reject the other deposit, so ζ is free again; the failed deposit must stay dead
        byte[] id = Transaction.sha256(theirs);
        assertTrue(one(verdict(0, id, false)).isOk());
        assertTrue(one(verdict(1, id, false)).isOk());
        assertEquals("unspent", zetaStatus(z));
        assertRefused(Kind.WRONG_NONCE, state.checkTx(mine));
        assertRefused(Kind.WRONG_NONCE, one(mine));
        assertEquals("unspent", zetaStatus(z));
    }

    @Test
    void transfer_highSSignature_refusedAsBadSignature() {
        byte[] t = net.tx.transfer(net.alice, 0, net.bob.address(), 1);
        var signed = parse(t);
        byte[] sig = signed.getSignature().toByteArray();
        BigInteger n = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        byte[] hs = n.subtract(s).toByteArray();
        byte[] high = sig.clone();
        Arrays.fill(high, 32, 64, (byte) 0);
        System.arraycopy(hs, Math.max(0, hs.length - 32), high, 64 - Math.min(32, hs.length), Math.min(32, hs.length));
        high[64] ^= 1;
        byte[] forged = signed.toBuilder()
                .setSignature(com.google.protobuf.ByteString.copyFrom(high))
                .build()
                .toByteArray();
        assertRefused(Kind.BAD_SIGNATURE, one(forged));
        byte[] truncated = signed.toBuilder()
                .setSignature(com.google.protobuf.ByteString.copyFrom(sig, 0, 64))
                .build()
                .toByteArray();
        assertRefused(Kind.BAD_SIGNATURE, one(truncated));
        assertEquals(1000, balance(net.alice));
    }

    @Test
    void transfer_tamperedBody_recoversAnotherSignerAndChangesNothing() {
        byte[] t = net.tx.transfer(net.alice, 0, net.bob.address(), 10);
        var signed = parse(t);
        byte[] body = signed.getBody().toByteArray();
        body[body.length - 1] ^= 0x01; // amount 10 -> 11
        byte[] tampered = signed.toBuilder()
                .setBody(com.google.protobuf.ByteString.copyFrom(body))
                .build()
                .toByteArray();
        TxOutcome o = one(tampered);
        assertFalse(o.isOk());
        assertEquals(1000, balance(net.alice));
        assertEquals(0, balance(net.bob));
    }

    @Test
    void transfer_garbageBytes_refusedAsMalformed() {
        assertRefused(Kind.MALFORMED_TX, one(new byte[] {1, 2, 3}));
        assertRefused(Kind.MALFORMED_TX, state.checkTx(new byte[0]));
    }

    @Test
    void transfer_otherChainId_refused() {
        var other = new nym.ledger.tx.TxBuilder("other-chain");
        assertRefused(Kind.WRONG_CHAIN, one(other.transfer(net.alice, 0, net.bob.address(), 1)));
    }

    @Test
    void checkTx_tracksPendingNoncesAndResetsAtCommit() {
        assertTrue(state.checkTx(net.tx.transfer(net.alice, 0, net.bob.address(), 1))
                .isOk());
        assertTrue(state.checkTx(net.tx.transfer(net.alice, 1, net.bob.address(), 1))
                .isOk());
        assertRefused(Kind.WRONG_NONCE, state.checkTx(net.tx.transfer(net.alice, 1, net.bob.address(), 2)));
        assertRefused(Kind.INSUFFICIENT_BALANCE, state.checkTx(net.tx.transfer(net.alice, 2, net.bob.address(), 999)));
        block(); // empty block: mempool state resets to the committed state
        assertTrue(state.checkTx(net.tx.transfer(net.alice, 0, net.bob.address(), 5))
                .isOk());
        assertEquals(1000, balance(net.alice));
    }

    // ------------------------------------------------------------------ pipe transfers

    private byte[] ethHash(int i) {
        return Secp256k1.keccak256(("eth-tx-" + i).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] vote(int watcher, int eth, Secp256k1.KeyPair recipient, long amount) {
        var w = net.watchers[watcher];
        return net.tx.pipeTransfer(w, net.next(w), ethHash(eth), recipient.address(), amount);
    }

    @Test
    void pipeTransfer_thresholdOfWatchers_creditsOnce() {
        TxOutcome first = one(vote(0, 1, net.bob, 500));
        assertTrue(first.isOk(), first.log());
        assertEquals(0, balance(net.bob));
        TxOutcome second = one(vote(1, 1, net.bob, 500));
        assertTrue(second.isOk(), second.log());
        assertEquals(500, balance(net.bob));
        assertEquals("pipe_transfer_credited", second.events().get(1).type());
        assertRefused(Kind.ALREADY_SETTLED, one(vote(2, 1, net.bob, 500)));
        assertEquals(500, balance(net.bob));
        JsonNode q = queryJson("/pipe", Hex.prefixed(ethHash(1)));
        assertTrue(q.get("settled").asBoolean());
    }

    @Test
    void pipeTransfer_unknownWatcher_refused() {
        assertRefused(
                Kind.UNKNOWN_WATCHER, one(net.tx.pipeTransfer(net.outsider, 0, ethHash(2), net.bob.address(), 5)));
        assertRefused(Kind.UNKNOWN_WATCHER, one(net.tx.pipeTransfer(net.alice, 0, ethHash(2), net.bob.address(), 5)));
    }

    @Test
    void pipeTransfer_duplicateVote_refusedEvenWithOtherContent() {
        assertTrue(one(vote(0, 3, net.bob, 50)).isOk());
        assertRefused(
                Kind.DUPLICATE_VOTE, one(net.tx.pipeTransfer(net.watchers[0], 1, ethHash(3), net.bob.address(), 50)));
        assertRefused(
                Kind.DUPLICATE_VOTE, one(net.tx.pipeTransfer(net.watchers[0], 2, ethHash(3), net.alice.address(), 60)));
        assertEquals(0, balance(net.bob));
    }

    @Test
    void pipeTransfer_disagreeingVotes_doNotCountTowardsOutcome() {
        assertTrue(one(vote(0, 4, net.bob, 100)).isOk());
        assertTrue(one(vote(1, 4, net.bob, 200)).isOk()); // disagrees on amount
        assertEquals(0, balance(net.bob));
        TxOutcome o = one(vote(2, 4, net.bob, 100));
        assertTrue(o.isOk());
        assertEquals(100, balance(net.bob));
    }

    @Test
    void pipeTransfer_disagreeingRecipient_doesNotCount() {
        assertTrue(one(vote(0, 5, net.bob, 100)).isOk());
        assertTrue(one(vote(1, 5, net.provider, 100)).isOk());
        assertEquals(0, balance(net.bob));
        assertEquals(0, balance(net.provider));
    }

    @Test
    void pipeTransfer_duplicatedAndReorderedVotes_creditExactlyOnce() {
        // every order of: w1, w1 again (re-signed), w2, w3, w2 again -- spread over blocks or in one block
        int[][] orders = permutations(new int[] {0, 0, 1, 2, 1});
        for (int[] order : orders) {
            for (boolean oneBlock : new boolean[] {true, false}) {
                TestNet n = new TestNet();
                LedgerState s = LedgerState.inMemory();
                s.initChain(TestNet.CHAIN, n.genesis());
                long[] nonce = new long[3];
                List<byte[]> txs = new ArrayList<>();
                for (int w : order) {
                    // a re-sent vote uses the watcher's next nonce, so it is a distinct, validly signed tx
                    txs.add(n.tx.pipeTransfer(n.watchers[w], nonce[w]++, ethHash(9), n.bob.address(), 77));
                }
                if (oneBlock) {
                    s.finalizeBlock(1, 0, txs);
                    s.commit();
                } else {
                    for (int i = 0; i < txs.size(); i++) {
                        s.finalizeBlock(i + 1, 0, List.of(txs.get(i)));
                        s.commit();
                    }
                }
                QueryResult r =
                        s.query("/balance", Hex.prefixed(n.bob.address()).getBytes(StandardCharsets.US_ASCII));
                assertTrue(
                        new String(r.value(), StandardCharsets.UTF_8).contains("\"balance\":\"77\""),
                        Arrays.toString(order));
            }
        }
    }

    private static int[][] permutations(int[] a) {
        List<int[]> out = new ArrayList<>();
        permute(a, 0, out);
        return out.toArray(new int[0][]);
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            t = a[k];
            a[k] = a[i];
            a[i] = t;
        }
    }

    // ------------------------------------------------------------------ credential requests

    @Test
    void credentialRequest_allowedValue_debitsAndEmitsEventWithRequest() {
        net.completeKeyEpoch(state);
        byte[] req = "blind-sign-request".getBytes(StandardCharsets.UTF_8);
        byte[] t = net.tx.credentialRequest(net.alice, net.next(net.alice), 50, req);
        TxOutcome o = one(t);
        assertTrue(o.isOk(), o.log());
        assertEquals(950, balance(net.alice));
        LedgerEvent e = o.events().get(0);
        assertEquals("credential_request", e.type());
        assertEquals(Hex.upper(Transaction.sha256(t)), attr(e, "request_id"));
        assertEquals(Hex.prefixed(net.alice.address()), attr(e, "requester"));
        assertEquals("50", attr(e, "value"));
        assertEquals(java.util.Base64.getEncoder().encodeToString(req), attr(e, "blind_sign_request"));
        assertEquals("1", attr(e, "key_epoch"));
    }

    @Test
    void credentialRequest_beforeAnyKeyEpochCompleted_refusedAsNoIssuingKeyNothingDebited() {
        byte[] t = net.tx.credentialRequest(net.alice, 0, 50, new byte[] {1});
        assertRefused(Kind.NO_ISSUING_KEY, state.checkTx(t));
        assertRefused(Kind.NO_ISSUING_KEY, one(t));
        assertEquals(1000, balance(net.alice));
    }

    @Test
    void credentialRequest_valueNotAllowed_refused() {
        net.completeKeyEpoch(state);
        assertRefused(Kind.VALUE_NOT_ALLOWED, one(net.tx.credentialRequest(net.alice, 0, 3, new byte[] {1})));
        assertEquals(1000, balance(net.alice));
    }

    @Test
    void credentialRequest_insufficientBalance_refused() {
        net.completeKeyEpoch(state);
        assertRefused(Kind.INSUFFICIENT_BALANCE, one(net.tx.credentialRequest(net.bob, 0, 10, new byte[] {1})));
    }

    // ------------------------------------------------------------------ deposits and verification

    private byte[] deposit(byte[] zeta, long value) {
        return net.tx.credentialDeposit(net.provider, net.next(net.provider), zeta, value, new byte[] {9, 9});
    }

    private byte[] verdict(int verifier, byte[] depositId, boolean accept) {
        var v = net.verifiers[verifier];
        return net.tx.verificationVote(v, net.next(v), depositId, accept);
    }

    private String zetaStatus(byte[] zeta) {
        return queryJson("/zeta", Hex.lower(zeta)).get("status").asText();
    }

    @Test
    void deposit_thenAcceptThreshold_creditsProviderAndSpendsZeta() {
        byte[] z = TestNet.zeta(1);
        byte[] d = deposit(z, 20);
        TxOutcome o = one(d);
        assertTrue(o.isOk(), o.log());
        assertEquals("redeem", o.events().get(0).type());
        assertEquals("pending", zetaStatus(z));
        byte[] id = Transaction.sha256(d);
        assertTrue(one(verdict(0, id, true)).isOk());
        assertEquals(0, balance(net.provider));
        TxOutcome settle = one(verdict(1, id, true));
        assertTrue(settle.isOk());
        assertEquals("redeem_settled", settle.events().get(1).type());
        assertEquals(20, balance(net.provider));
        assertEquals("spent", zetaStatus(z));
        assertEquals(
                "accepted", queryJson("/deposit", Hex.upper(id)).get("status").asText());
        // votes after settlement
        assertRefused(Kind.ALREADY_SETTLED, one(net.tx.verificationVote(net.verifiers[2], 0, id, true)));
        assertRefused(Kind.ALREADY_SETTLED, one(net.tx.verificationVote(net.verifiers[2], 1, id, false)));
        // double spend of a spent ζ
        assertRefused(
                Kind.DOUBLE_SPEND,
                one(net.tx.credentialDeposit(net.provider, net.next(net.provider), z, 20, new byte[] {1})));
        assertEquals(20, balance(net.provider));
    }

    @Test
    void deposit_zetaPending_secondDepositRefused() {
        byte[] z = TestNet.zeta(2);
        assertTrue(one(deposit(z, 10)).isOk());
        assertRefused(Kind.DOUBLE_SPEND, one(net.tx.credentialDeposit(net.otherProvider, 0, z, 10, new byte[] {1})));
    }

    @Test
    void deposit_rejectThreshold_marksRejectedAndFreesZeta() {
        byte[] z = TestNet.zeta(3);
        byte[] d = deposit(z, 10);
        assertTrue(one(d).isOk());
        byte[] id = Transaction.sha256(d);
        assertTrue(one(verdict(0, id, false)).isOk());
        assertTrue(one(verdict(1, id, true)).isOk()); // one accept does not reach 2
        TxOutcome o = one(verdict(2, id, false));
        assertTrue(o.isOk(), o.log());
        assertEquals(
                "rejected", queryJson("/deposit", Hex.upper(id)).get("status").asText());
        assertEquals("unspent", zetaStatus(z));
        assertEquals(0, balance(net.provider));
        // spend of a rejected deposit: no vote can settle it any more
        assertRefused(Kind.DEPOSIT_REJECTED, one(net.tx.verificationVote(net.verifiers[0], 1, id, true)));
        assertEquals(0, balance(net.provider));
        // ζ is free again: a fresh deposit of it is accepted
        assertTrue(one(deposit(z, 10)).isOk());
        assertEquals("pending", zetaStatus(z));
    }

    @Test
    void verificationVote_unknownVerifierOrDuplicate_refused() {
        byte[] d = deposit(TestNet.zeta(4), 5);
        assertTrue(one(d).isOk());
        byte[] id = Transaction.sha256(d);
        assertRefused(Kind.UNKNOWN_VERIFIER, one(net.tx.verificationVote(net.outsider, 0, id, true)));
        assertRefused(Kind.UNKNOWN_VERIFIER, one(net.tx.verificationVote(net.watchers[0], 0, id, true)));
        assertTrue(one(verdict(0, id, true)).isOk());
        assertRefused(Kind.DUPLICATE_VOTE, one(net.tx.verificationVote(net.verifiers[0], 1, id, true)));
        assertRefused(Kind.DUPLICATE_VOTE, one(net.tx.verificationVote(net.verifiers[0], 2, id, false)));
        assertRefused(Kind.UNKNOWN_DEPOSIT, one(net.tx.verificationVote(net.verifiers[1], 0, new byte[32], true)));
        assertEquals(0, balance(net.provider));
    }

    @Test
    void deposit_nonCanonicalZeta_refused() {
        byte[] z = TestNet.zeta(5);
        byte[] noFlag = z.clone();
        noFlag[0] &= 0x7f;
        byte[] infinity = new byte[48];
        infinity[0] = (byte) 0xc0;
        byte[] xTooBig = Zeta.P.add(BigInteger.valueOf(1)).toByteArray(); // 48 bytes after flag bits
        byte[] notReduced = new byte[48];
        System.arraycopy(xTooBig, xTooBig.length - 48, notReduced, 0, 48);
        notReduced[0] |= (byte) 0x80;
        byte[] uncompressed = new byte[96];
        System.arraycopy(z, 0, uncompressed, 0, 48);
        uncompressed[0] &= 0x1f;
        byte[] offCurve = null;
        for (int x = 1000; offCurve == null; x++) {
            byte[] c = new byte[48];
            c[47] = (byte) x;
            c[46] = (byte) (x >> 8);
            c[0] = (byte) 0x80;
            try {
                Zeta.requireCanonical(c);
            } catch (LedgerException e) {
                offCurve = c;
            }
        }
        byte[] offSubgroup = Zeta.curvePointAtOrAfter(BigInteger.valueOf(5000));
        for (byte[] bad : List.of(noFlag, infinity, notReduced, uncompressed, offCurve, offSubgroup, new byte[47])) {
            byte[] t = net.tx.credentialDeposit(net.provider, net.next(net.provider), bad, 10, new byte[] {1});
            assertRefused(Kind.NOT_CANONICAL, state.checkTx(t));
            assertRefused(Kind.NOT_CANONICAL, one(t));
        }
    }

    @Test
    void deposit_valueNotAllowed_refused() {
        assertRefused(
                Kind.VALUE_NOT_ALLOWED,
                one(net.tx.credentialDeposit(net.provider, 0, TestNet.zeta(6), 7, new byte[] {1})));
        assertEquals("unspent", zetaStatus(TestNet.zeta(6)));
    }

    @Test
    void deposit_fromUnregisteredProvider_refusedAsUnknownProvider() {
        byte[] z = TestNet.zeta(7);
        for (Secp256k1.KeyPair k : List.of(net.alice, net.outsider, net.verifiers[0])) {
            assertRefused(Kind.UNKNOWN_PROVIDER, state.checkTx(net.tx.credentialDeposit(k, 0, z, 10, new byte[] {1})));
        }
        assertRefused(Kind.UNKNOWN_PROVIDER, one(net.tx.credentialDeposit(net.alice, 0, z, 10, new byte[] {1})));
        assertEquals("unspent", zetaStatus(z));
        assertTrue(one(net.tx.credentialDeposit(net.otherProvider, 0, z, 10, new byte[] {1}))
                .isOk());
    }

    @Test
    void deposit_genesisWithoutProviders_everyDepositRefused() {
        String json = net.genesisJson().replaceFirst("\"providers\":\\[[^]]*],", "");
        assertFalse(json.contains("providers"));
        useGenesis(json);
        assertRefused(
                Kind.UNKNOWN_PROVIDER,
                one(net.tx.credentialDeposit(net.provider, 0, TestNet.zeta(8), 10, new byte[] {1})));
        assertEquals(0, queryJson("/registry", null).get("providers").size());
    }

    private void useGenesis(String json) {
        state = LedgerState.inMemory();
        state.initChain(TestNet.CHAIN, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A deposit of {@code value} by {@code provider}, rejected by verifiers 0 and 1; returns the settled event. */
    private LedgerEvent rejectedDeposit(Secp256k1.KeyPair provider, byte[] zeta) {
        byte[] d = net.tx.credentialDeposit(provider, net.next(provider), zeta, 10, new byte[] {1});
        assertTrue(one(d).isOk());
        byte[] id = Transaction.sha256(d);
        assertTrue(one(verdict(0, id, false)).isOk());
        TxOutcome settled = one(verdict(1, id, false));
        assertTrue(settled.isOk(), settled.log());
        return settled.events().get(1);
    }

    @Test
    void deposit_rejectedByVerifiers_burnsPenaltyFromProvider() {
        assertTrue(one(net.tx.transfer(net.alice, net.next(net.alice), net.provider.address(), 5))
                .isOk());
        LedgerEvent e = rejectedDeposit(net.provider, TestNet.zeta(9));
        assertEquals("rejected", attr(e, "outcome"));
        assertEquals("1", attr(e, "penalty"));
        assertEquals(4, balance(net.provider));
        assertEquals(995, balance(net.alice)); // 999 of the 1000 NYM left: the penalty went to nobody
    }

    @Test
    void deposit_rejectedWithPenaltyAboveBalance_burnsWhatProviderHolds() {
        useGenesis(net.genesisJson().replace("\"accounts\"", "\"rejected_deposit_penalty\":3,\"accounts\""));
        assertTrue(one(net.tx.transfer(net.alice, net.next(net.alice), net.provider.address(), 2))
                .isOk());
        LedgerEvent e = rejectedDeposit(net.provider, TestNet.zeta(10));
        assertEquals("2", attr(e, "penalty"));
        assertEquals(0, balance(net.provider));
        assertEquals(
                "3", queryJson("/params", null).get("rejected_deposit_penalty").asText());
    }

    @Test
    void deposit_pendingPastTimeout_expiresAtStartOfBlockAndFreesZeta() {
        useGenesis(net.genesisJson().replace("\"accounts\"", "\"deposit_timeout_blocks\":3,\"accounts\""));
        byte[] z = TestNet.zeta(11);
        byte[] d = deposit(z, 10);
        assertTrue(one(d).isOk()); // height 1: expires at height 4
        byte[] id = Transaction.sha256(d);
        assertTrue(one(verdict(0, id, true)).isOk()); // height 2: one accept, t = 2
        LedgerState.BlockOutcome three = state.finalizeBlock(3, 0, List.of());
        state.commit();
        assertTrue(three.events().isEmpty());
        assertEquals("pending", zetaStatus(z));
        byte[] late = verdict(1, id, true);
        assertRefused(Kind.DEPOSIT_REJECTED, state.checkTx(late)); // the mempool already sees block 4's expiry
        LedgerState.BlockOutcome four = state.finalizeBlock(4, 0, List.of(late));
        state.commit();
        assertEquals(1, four.events().size());
        LedgerEvent e = four.events().get(0);
        assertEquals("redeem_settled", e.type());
        assertEquals("expired", attr(e, "outcome"));
        assertEquals(Hex.upper(id), attr(e, "deposit_id"));
        assertRefused(Kind.DEPOSIT_REJECTED, four.txs().get(0));
        JsonNode q = queryJson("/deposit", Hex.upper(id));
        assertEquals("expired", q.get("status").asText());
        assertEquals("4", q.get("expires_at").asText());
        assertEquals("unspent", zetaStatus(z));
        assertEquals(0, balance(net.provider));
        assertTrue(one(deposit(z, 10)).isOk()); // ζ can be deposited again
    }

    @Test
    void deposit_settledBeforeTimeout_doesNotExpire() {
        useGenesis(net.genesisJson().replace("\"accounts\"", "\"deposit_timeout_blocks\":2,\"accounts\""));
        byte[] z = TestNet.zeta(12);
        byte[] d = deposit(z, 10);
        byte[] id = Transaction.sha256(d);
        assertTrue(one(d).isOk());
        assertTrue(block(verdict(0, id, true), verdict(1, id, true)).get(1).isOk());
        LedgerState.BlockOutcome three = state.finalizeBlock(3, 0, List.of());
        state.commit();
        assertTrue(three.events().isEmpty());
        assertEquals("spent", zetaStatus(z));
        assertEquals(10, balance(net.provider));
    }

    // ------------------------------------------------------------------ decode cache

    @Test
    void checkTx_floodOfRefusedTxs_leavesDecodeCacheEmpty() {
        for (int i = 0; i < 300; i++) {
            assertFalse(state.checkTx(net.tx.transfer(net.alice, 1 + i, net.bob.address(), 1))
                    .isOk());
            assertFalse(state.checkTx(new byte[] {(byte) i, 1, 2}).isOk());
        }
        assertEquals(0, state.decodeCacheBytes());
        byte[] ok = net.tx.transfer(net.alice, 0, net.bob.address(), 1);
        assertTrue(state.checkTx(ok).isOk());
        assertEquals(DecodeCache.cost(ok), state.decodeCacheBytes());
        assertTrue(block(ok).get(0).isOk());
        assertEquals(0, state.decodeCacheBytes()); // a decided tx leaves the cache
    }

    // ------------------------------------------------------------------ queries, genesis

    @Test
    void query_paramsAndRegistry_reflectGenesis() {
        JsonNode p = queryJson("/params", null);
        assertEquals(TestNet.CHAIN, p.get("chain_id").asText());
        assertEquals(2, p.get("watcher_threshold").asInt());
        assertEquals(Hex.prefixed(net.pipe.address()), p.get("pipe_account").asText());
        JsonNode r = queryJson("/registry", null);
        assertEquals(3, r.get("watchers").size());
        assertEquals(3, r.get("issuers").size());
        assertEquals(
                Hex.prefixed(net.verifiers[2].address()),
                r.get("verifiers").get(2).asText());
        assertEquals(
                List.of(Hex.prefixed(net.provider.address()), Hex.prefixed(net.otherProvider.address())),
                List.of(
                        r.get("providers").get(0).asText(),
                        r.get("providers").get(1).asText()));
        assertEquals("1", p.get("rejected_deposit_penalty").asText());
        assertEquals(600, p.get("deposit_timeout_blocks").asInt());
        assertEquals("1048576", p.get("bandwidth_bytes_per_nym").asText(), "the default: 1 MiB per NYM");
    }

    @Test
    void genesis_bandwidthBytesPerNym_inParamsAndTheAppHash() {
        byte[] defaultHash = state.appHash();
        useGenesis(withBandwidth("4096"));
        assertEquals(
                "4096",
                queryJson("/params", null).get("bandwidth_bytes_per_nym").asText());
        byte[] other = state.appHash();
        assertFalse(Arrays.equals(defaultHash, other), "two genesis docs differing only in it");
        useGenesis(withBandwidth("\"4096\""));
        assertArrayEquals(other, state.appHash(), "a decimal string is the same parameter");
        useGenesis(withBandwidth("1048576"));
        assertArrayEquals(defaultHash, state.appHash(), "written out as the default, the same chain");
    }

    @Test
    void genesis_bandwidthBytesPerNymNotAPositiveInteger_refused() {
        for (String value : List.of("0", "-1", "1.5", "\"many\"", "true", "null", "{}", "18446744073709551616")) {
            LedgerState s = LedgerState.inMemory();
            LedgerException e = assertThrows(
                    LedgerException.class,
                    () -> s.initChain(TestNet.CHAIN, withBandwidth(value).getBytes(StandardCharsets.UTF_8)),
                    value);
            assertEquals(Kind.BAD_GENESIS, e.kind(), value);
            assertTrue(e.getMessage().contains("bandwidth_bytes_per_nym"), e.getMessage());
            assertFalse(s.initialized(), value);
        }
    }

    private String withBandwidth(String value) {
        return net.genesisJson().replace("\"accounts\"", "\"bandwidth_bytes_per_nym\":" + value + ",\"accounts\"");
    }

    @Test
    void genesis_verifierThresholdsAboveMembersPlusOne_refused() {
        String bad = net.genesisJson().replace("\"verifier_reject_threshold\":2", "\"verifier_reject_threshold\":3");
        LedgerState s = LedgerState.inMemory();
        LedgerException e = assertThrows(
                LedgerException.class, () -> s.initChain(TestNet.CHAIN, bad.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Kind.BAD_GENESIS, e.kind());
        String noReject = net.genesisJson().replace("\"verifier_reject_threshold\":2,", "");
        String threeOfThree = noReject.replace("\"verifier_threshold\":2", "\"verifier_threshold\":3");
        assertThrows(
                LedgerException.class, () -> s.initChain(TestNet.CHAIN, threeOfThree.getBytes(StandardCharsets.UTF_8)));
        assertFalse(s.initialized());
    }

    @Test
    void genesis_badDepositParams_refused() {
        for (String field : List.of("\"deposit_timeout_blocks\":0,", "\"rejected_deposit_penalty\":-1,")) {
            String bad = net.genesisJson().replace("\"accounts\"", field + "\"accounts\"");
            LedgerException e = assertThrows(
                    LedgerException.class,
                    () -> LedgerState.inMemory().initChain(TestNet.CHAIN, bad.getBytes(StandardCharsets.UTF_8)));
            assertEquals(Kind.BAD_GENESIS, e.kind(), field);
        }
    }

    @Test
    void genesis_badDkgKeyOrCoconutParams_refused() {
        String dkgKey = net.dkgKeys[0].publicKey().toHex();
        String params = java.util.Base64.getEncoder().encodeToString(TestNet.PARAMS.toBytes());
        List<String> bad = List.of(
                net.genesisJson().replace(dkgKey, dkgKey.substring(2)), // 47 bytes
                net.genesisJson().replace(dkgKey, "c0" + "00".repeat(47)), // the identity
                net.genesisJson().replace(net.dkgKeys[1].publicKey().toHex(), dkgKey), // one key twice
                net.genesisJson().replace(params, "ZGV2LXBhcmFtcw=="), // "dev-params"
                net.genesisJson().replace("\"dealing_blocks\":5", "\"dealing_blocks\":0"));
        for (String json : bad) {
            LedgerException e = assertThrows(
                    LedgerException.class,
                    () -> LedgerState.inMemory().initChain(TestNet.CHAIN, json.getBytes(StandardCharsets.UTF_8)));
            assertEquals(Kind.BAD_GENESIS, e.kind(), e.getMessage());
        }
    }

    @Test
    void query_badInput_clearErrorCode() {
        assertEquals(Kind.BAD_QUERY.code(), state.query("/nope", new byte[0]).code());
        assertEquals(
                Kind.BAD_QUERY.code(), state.query("/balance", "xyz".getBytes()).code());
        assertEquals(
                Kind.NOT_CANONICAL.code(), state.query("/zeta", new byte[48]).code());
    }

    @Test
    void genesis_thresholdAboveMembers_refused() {
        LedgerState s = LedgerState.inMemory();
        String bad = net.genesisJson().replace("\"watcher_threshold\":2", "\"watcher_threshold\":4");
        LedgerException e =
                assertThrows(LedgerException.class, () -> s.initChain("c", bad.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Kind.BAD_GENESIS, e.kind());
        assertFalse(s.initialized());
        assertThrows(LedgerException.class, () -> state.initChain("again", net.genesis()));
    }

    @Test
    void genesis_authoritiesByPublicKey_sameRegistryAsByAddress() {
        String byKey = net.genesisJson();
        for (var w : net.watchers) {
            byKey = byKey.replace(Hex.prefixed(w.address()), Hex.lower(Secp256k1.publicKey(w)));
        }
        byKey = byKey.replace(
                Hex.prefixed(net.verifiers[0].address()), "0x" + Hex.lower(uncompressed(net.verifiers[0])));
        byKey = byKey.replace(Hex.prefixed(net.provider.address()), Hex.lower(Secp256k1.publicKey(net.provider)));
        LedgerState s = LedgerState.inMemory();
        s.initChain(TestNet.CHAIN, byKey.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                new String(state.query("/registry", new byte[0]).value(), StandardCharsets.UTF_8),
                new String(s.query("/registry", new byte[0]).value(), StandardCharsets.UTF_8));
        assertArrayEquals(state.appHash(), s.appHash());
    }

    private static byte[] uncompressed(Secp256k1.KeyPair k) {
        org.bouncycastle.asn1.x9.X9ECParameters c = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1");
        return c.getCurve().decodePoint(Secp256k1.publicKey(k)).getEncoded(false);
    }

    @Test
    void finalizeBlock_wrongHeight_refusedAsProtocolError() {
        LedgerException e = assertThrows(LedgerException.class, () -> state.finalizeBlock(5, 0, List.of()));
        assertEquals(Kind.PROTOCOL, e.kind());
    }

    private static String attr(LedgerEvent e, String key) {
        return e.attributes().stream()
                .filter(a -> a.key().equals(key))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static nym.ledger.tx.proto.LedgerProto.SignedTx parse(byte[] t) {
        try {
            return nym.ledger.tx.proto.LedgerProto.SignedTx.parseFrom(t);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
