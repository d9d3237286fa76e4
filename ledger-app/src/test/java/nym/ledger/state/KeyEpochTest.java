package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.CoconutException;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DkgResult;
import nym.ledger.Hex;
import nym.ledger.LedgerException.Kind;
import nym.ledger.TestNet;
import nym.ledger.tx.Secp256k1.KeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key epochs with real dealings (n = 3 issuers, t = 2; TestNet's schedule: 5 dealing blocks, 3 complaint blocks): the
 * phases, the keys the ledger combines, complaints, failure and rotation, and every refusal changing nothing.
 */
class KeyEpochTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestNet net;
    private LedgerState state;
    /** Events of the blocks run so far, block events and tx events together. */
    private final List<LedgerEvent> events = new ArrayList<>();
    /** The transactions of the blocks run on {@link #state} so far, for a twin chain. */
    private final List<List<byte[]>> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        net = new TestNet();
        state = fresh(net);
    }

    private static LedgerState fresh(TestNet net) {
        LedgerState s = LedgerState.inMemory();
        s.initChain(TestNet.CHAIN, net.genesis());
        return s;
    }

    private List<TxOutcome> block(byte[]... txs) {
        return blockOn(state, txs);
    }

    private List<TxOutcome> blockOn(LedgerState s, byte[]... txs) {
        LedgerState.BlockOutcome o = s.finalizeBlock(s.height() + 1, 0, List.of(txs));
        s.commit();
        if (s == state) {
            history.add(List.of(txs));
            events.addAll(o.events());
            o.txs().forEach(t -> events.addAll(t.events()));
        }
        return o.txs();
    }

    private void blocksUntil(long height) {
        while (state.height() < height) {
            block();
        }
    }

    private JsonNode query(String path, String data) {
        QueryResult r = state.query(path, data.getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, r.code(), r.log());
        try {
            return JSON.readTree(r.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String phase() {
        return query("/dkg", "").get("phase").asText();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static void assertOk(TxOutcome o) {
        assertTrue(o.isOk(), o.log());
    }

    private static SortedMap<Integer, Dealing> dealings(Map<Integer, Dealing> byDealer) {
        return new TreeMap<>(byDealer);
    }

    /** The completed key epoch's JSON carries exactly the keys DkgResult.combine gives for {@code qualified}. */
    private void assertKeysOf(JsonNode completed, SortedMap<Integer, Dealing> qualified) throws CoconutException {
        DkgResult expected = DkgResult.combine(qualified);
        assertEquals(
                Base64.getEncoder().encodeToString(expected.verificationKey().toBytes()),
                completed.get("verification_key").asText());
        assertEquals(3, completed.get("shares").size());
        for (int i = 1; i <= 3; i++) {
            JsonNode share = completed.get("shares").get(i - 1);
            assertEquals(i, share.get("index").asInt());
            assertEquals(
                    Base64.getEncoder().encodeToString(expected.share(i).toBytes()),
                    share.get("verification_key_share").asText());
        }
        assertEquals(new ArrayList<>(qualified.keySet()), ints(completed.get("qualified")));
    }

    private long eventCount(String type, String attr, String value) {
        return events.stream()
                .filter(e -> e.type().equals(type))
                .filter(e -> e.attributes().stream()
                        .anyMatch(a -> a.key().equals(attr) && a.value().equals(value)))
                .count();
    }

    // ------------------------------------------------------------------ phases and keys

    @Test
    void advance_allThreeDeal_completesWithCombinedKey() throws CoconutException {
        Map<Integer, Dealing> dealt = Map.of(1, net.dealing(1, 1), 2, net.dealing(2, 1), 3, net.dealing(3, 1));
        List<TxOutcome> r = block(
                net.dealingTx(1, 1, dealt.get(1).toBytes()),
                net.dealingTx(2, 1, dealt.get(2).toBytes()),
                net.dealingTx(3, 1, dealt.get(3).toBytes()));
        r.forEach(KeyEpochTest::assertOk);
        assertEquals("dkg_dealing", r.get(2).events().get(0).type());
        assertEquals("dealing", phase()); // the phase moves at the start of the next block
        block();
        JsonNode e = query("/dkg", "1");
        assertEquals("complaints", e.get("phase").asText());
        assertEquals(2 + TestNet.COMPLAINT_BLOCKS, e.get("complaint_end").asLong());
        assertEquals(List.of(1, 2, 3), ints(e.get("dealers")));
        assertFalse(e.has("verification_key"));
        blocksUntil(2 + TestNet.COMPLAINT_BLOCKS - 1);
        assertEquals("complaints", phase());
        block();
        JsonNode completed = query("/dkg/completed", "");
        assertEquals("completed", completed.get("phase").asText());
        assertEquals(
                2 + TestNet.COMPLAINT_BLOCKS, completed.get("completed_height").asLong());
        assertEquals(1, completed.get("key_epoch").asLong());
        assertEquals(3, completed.get("size").asInt());
        assertEquals(2, completed.get("threshold").asInt());
        assertKeysOf(completed, dealings(dealt));
        assertEquals(
                net.dkgKeys[1].publicKey().toHex(),
                completed.get("issuers").get(1).get("dkg_key").asText());
        assertEquals(
                Hex.prefixed(net.issuers[1].address()),
                completed.get("issuers").get(1).get("address").asText());
        assertEquals(1, eventCount("dkg_completed", "qualified", "1,2,3"));
        assertEquals(1, eventCount("dkg_phase", "phase", "completed"));
        assertEquals(completed, query("/dkg/completed", "1"));
    }

    @Test
    void advance_oneIssuerAbsent_closesAfterDealingBlocksWithTwoAndCompletes() throws CoconutException {
        block(
                net.dealingTx(1, 1, net.dealing(1, 1).toBytes()),
                net.dealingTx(2, 1, net.dealing(2, 1).toBytes()));
        long dealingEnd = 1 + TestNet.DEALING_BLOCKS;
        assertEquals(dealingEnd, query("/dkg", "").get("dealing_end").asLong());
        blocksUntil(dealingEnd - 1);
        assertEquals("dealing", phase());
        block();
        assertEquals("complaints", phase());
        blocksUntil(dealingEnd + TestNet.COMPLAINT_BLOCKS);
        JsonNode completed = query("/dkg/completed", "");
        assertKeysOf(completed, dealings(Map.of(1, net.dealing(1, 1), 2, net.dealing(2, 1))));
        assertEquals(List.of(1, 2), ints(completed.get("dealers")));
    }

    @Test
    void complaint_againstBadShare_disqualifiesDealerAndTheRestComplete() throws CoconutException {
        Dealing bad = corruptShareOf(net.dealing(3, 1), 1);
        block(
                net.dealingTx(1, 1, net.dealing(1, 1).toBytes()),
                net.dealingTx(2, 1, net.dealing(2, 1).toBytes()),
                net.dealingTx(3, 1, bad.toBytes()));
        block();
        TxOutcome o = block(net.tx.dkgComplaint(
                        net.issuers[0], net.next(net.issuers[0]), 1, 3, net.complaint(bad, 3, 1, 1)))
                .get(0);
        assertOk(o);
        LedgerEvent e = o.events().get(0);
        assertEquals("dkg_complaint", e.type());
        assertEquals(1, eventCount("dkg_complaint", "complainer_index", "1"));
        assertEquals(List.of(3), ints(query("/dkg", "").get("disqualified")));
        JsonNode listed = query("/dkg/dealings", "1");
        assertEquals(3, listed.get("dealings").size());
        assertEquals(
                Base64.getEncoder().encodeToString(bad.toBytes()),
                listed.get("dealings").get(2).get("dealing").asText());
        assertEquals(3, listed.get("complaints").get(0).get("dealer_index").asInt());
        assertEquals(1, listed.get("complaints").get(0).get("complainer_index").asInt());
        blocksUntil(2 + TestNet.COMPLAINT_BLOCKS);
        assertKeysOf(query("/dkg/completed", ""), dealings(Map.of(1, net.dealing(1, 1), 2, net.dealing(2, 1))));
    }

    @Test
    void complaint_againstHonestDealer_refusedAsUnjustifiedAndChangesNothing() {
        allDealThenComplaints();
        byte[] complaint = net.complaint(net.dealing(2, 1), 2, 1, 1);
        assertRefusedChangingNothing(
                Kind.UNJUSTIFIED_COMPLAINT,
                net.issuers[0],
                n -> net.tx.dkgComplaint(net.issuers[0], n, 1, 2, complaint));
        assertEquals(List.of(), ints(query("/dkg", "").get("disqualified")));
    }

    @Test
    void advance_fewerThanThresholdQualified_failsAndNextKeyEpochStarts() {
        Dealing bad = corruptShareOf(net.dealing(2, 1), 1);
        block(net.dealingTx(1, 1, net.dealing(1, 1).toBytes()), net.dealingTx(2, 1, bad.toBytes()));
        blocksUntil(1 + TestNet.DEALING_BLOCKS);
        assertEquals("complaints", phase());
        assertOk(block(net.tx.dkgComplaint(net.issuers[0], net.next(net.issuers[0]), 1, 2, net.complaint(bad, 2, 1, 1)))
                .get(0));
        long complaintEnd = query("/dkg", "").get("complaint_end").asLong();
        blocksUntil(complaintEnd);
        JsonNode failed = query("/dkg", "1");
        assertEquals("failed", failed.get("phase").asText());
        assertEquals(List.of(1), ints(failed.get("qualified")));
        assertEquals(
                Kind.NO_ISSUING_KEY.code(),
                state.query("/dkg/completed", new byte[0]).code());
        block();
        JsonNode next = query("/dkg", "");
        assertEquals(2, next.get("key_epoch").asLong());
        assertEquals("dealing", next.get("phase").asText());
        assertEquals(complaintEnd + 1, next.get("dealing_start").asLong());
        assertEquals(1, eventCount("dkg_phase", "phase", "failed"));
        // the new key epoch takes fresh dealings bound to its own number
        assertOk(block(net.dealingTx(1, 2, net.dealing(1, 2).toBytes())).get(0));
    }

    @Test
    void advance_rotationBlocks_startsNextKeyEpochAfterCompletionKeepingTheCompletedOne() {
        net.rotationBlocks = 4;
        state = fresh(net);
        net.completeKeyEpoch(state);
        long completedAt = query("/dkg/completed", "").get("completed_height").asLong();
        blocksUntil(completedAt + 3);
        assertEquals(1, query("/dkg", "").get("key_epoch").asLong());
        block();
        JsonNode next = query("/dkg", "");
        assertEquals(2, next.get("key_epoch").asLong());
        assertEquals("dealing", next.get("phase").asText());
        assertEquals(1, query("/dkg/completed", "").get("key_epoch").asLong());
        TxOutcome request = block(net.tx.credentialRequest(net.alice, net.next(net.alice), 10, new byte[] {1}))
                .get(0);
        assertOk(request);
        assertTrue(request.events().get(0).attributes().stream()
                .anyMatch(a -> a.key().equals("key_epoch") && a.value().equals("1")));
    }

    @Test
    void advance_withoutRotation_completedKeyEpochStaysLatest() {
        net.completeKeyEpoch(state);
        blocksUntil(state.height() + 20);
        assertEquals(1, query("/dkg", "").get("key_epoch").asLong());
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void dealing_malformedBytes_refusedAsMalformedChangingNothing() {
        byte[] good = net.dealing(1, 1).toBytes();
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertRefusedChangingNothing(
                Kind.MALFORMED_DKG, net.issuers[0], n -> net.tx.dkgDealing(net.issuers[0], n, 1, truncated));
        assertRefusedChangingNothing(
                Kind.MALFORMED_DKG, net.issuers[0], n -> net.tx.dkgDealing(net.issuers[0], n, 1, new byte[] {1, 2}));
    }

    @Test
    void dealing_forOtherThreshold_refusedAsMalformed() throws CoconutException {
        byte[] forThree = Dealing.deal(
                        TestNet.PARAMS,
                        3,
                        net.recipients(),
                        new nym.coconut.dkg.DealingContext(TestNet.CHAIN, 1, 1),
                        nym.coconut.RandomSource.deterministic(5))
                .toBytes();
        assertRefusedChangingNothing(
                Kind.MALFORMED_DKG, net.issuers[0], n -> net.tx.dkgDealing(net.issuers[0], n, 1, forThree));
    }

    @Test
    void dealing_wrongKeyEpoch_refusedAsWrongPhase() {
        block();
        byte[] dealing = net.dealing(1, 2).toBytes();
        assertRefusedChangingNothing(
                Kind.DKG_WRONG_PHASE, net.issuers[0], n -> net.tx.dkgDealing(net.issuers[0], n, 2, dealing));
    }

    @Test
    void dealing_afterDealingPhaseClosed_refusedAsWrongPhase() {
        allDealThenComplaints();
        byte[] again = net.dealing(1, 1).toBytes();
        assertRefusedChangingNothing(
                Kind.DKG_WRONG_PHASE, net.issuers[0], n -> net.tx.dkgDealing(net.issuers[0], n, 1, again));
    }

    @Test
    void dealing_second_refusedAsDuplicate() {
        assertOk(block(net.dealingTx(1, 1, net.dealing(1, 1).toBytes())).get(0));
        byte[] other = net.dealing(1, 1).toBytes();
        assertRefusedChangingNothing(
                Kind.DKG_DUPLICATE, net.issuers[0], n -> net.tx.dkgDealing(net.issuers[0], n, 1, other));
    }

    @Test
    void dealing_fromNonIssuer_refusedAsUnknownIssuer() {
        block();
        byte[] dealing = net.dealing(1, 1).toBytes();
        assertRefusedChangingNothing(
                Kind.UNKNOWN_ISSUER, net.outsider, n -> net.tx.dkgDealing(net.outsider, n, 1, dealing));
    }

    @Test
    void checkTx_dealingWhosePhaseClosesAtTheNextBlock_refusedAtTheMempool() {
        block(
                net.dealingTx(1, 1, net.dealing(1, 1).toBytes()),
                net.dealingTx(2, 1, net.dealing(2, 1).toBytes()));
        blocksUntil(TestNet.DEALING_BLOCKS); // the next block, 1 + DEALING_BLOCKS, closes the dealing phase
        assertEquals("dealing", phase());
        TxOutcome late = state.checkTx(
                net.tx.dkgDealing(net.issuers[2], 0, 1, net.dealing(3, 1).toBytes()));
        assertEquals(Kind.DKG_WRONG_PHASE.code(), late.code(), late.log());
    }

    @Test
    void complaint_duringDealing_refusedAsWrongPhase() {
        Dealing bad = corruptShareOf(net.dealing(2, 1), 1);
        block(net.dealingTx(2, 1, bad.toBytes()));
        byte[] complaint = net.complaint(bad, 2, 1, 1);
        assertRefusedChangingNothing(
                Kind.DKG_WRONG_PHASE, net.issuers[0], n -> net.tx.dkgComplaint(net.issuers[0], n, 1, 2, complaint));
    }

    @Test
    void complaint_fromNonIssuer_refusedAsUnknownIssuer() {
        Dealing bad = allDealWithBadThirdThenComplaints();
        byte[] complaint = net.complaint(bad, 3, 1, 1);
        assertRefusedChangingNothing(
                Kind.UNKNOWN_ISSUER, net.outsider, n -> net.tx.dkgComplaint(net.outsider, n, 1, 3, complaint));
    }

    @Test
    void complaint_namingAnotherRecipient_refusedAsUnjustified() {
        Dealing bad = allDealWithBadThirdThenComplaints();
        byte[] recipientOnes = net.complaint(bad, 3, 1, 1);
        assertRefusedChangingNothing(
                Kind.UNJUSTIFIED_COMPLAINT,
                net.issuers[1],
                n -> net.tx.dkgComplaint(net.issuers[1], n, 1, 3, recipientOnes));
    }

    @Test
    void complaint_garbageBytes_refusedAsMalformed() {
        allDealWithBadThirdThenComplaints();
        assertRefusedChangingNothing(
                Kind.MALFORMED_DKG,
                net.issuers[0],
                n -> net.tx.dkgComplaint(net.issuers[0], n, 1, 3, new byte[] {1, 'K', 0, 1}));
    }

    @Test
    void complaint_againstIssuerThatDidNotDeal_refusedAsInvalidArgument() {
        Dealing bad = corruptShareOf(net.dealing(3, 1), 1);
        block(net.dealingTx(1, 1, net.dealing(1, 1).toBytes()), net.dealingTx(3, 1, bad.toBytes()));
        blocksUntil(1 + TestNet.DEALING_BLOCKS);
        byte[] complaint = net.complaint(bad, 3, 1, 1);
        assertRefusedChangingNothing(
                Kind.INVALID_ARGUMENT, net.issuers[0], n -> net.tx.dkgComplaint(net.issuers[0], n, 1, 2, complaint));
    }

    @Test
    void complaint_second_refusedAsDuplicate() {
        Dealing bad = allDealWithBadThirdThenComplaints();
        byte[] complaint = net.complaint(bad, 3, 1, 1);
        assertOk(block(net.tx.dkgComplaint(net.issuers[0], net.next(net.issuers[0]), 1, 3, complaint))
                .get(0));
        assertRefusedChangingNothing(
                Kind.DKG_DUPLICATE, net.issuers[0], n -> net.tx.dkgComplaint(net.issuers[0], n, 1, 3, complaint));
    }

    // ------------------------------------------------------------------ queries

    @Test
    void query_beforeFirstBlock_noKeyEpochWithNonZeroCode() {
        QueryResult latest = state.query("/dkg", new byte[0]);
        assertEquals(Kind.DKG_WRONG_PHASE.code(), latest.code());
        assertTrue(latest.log().contains("no key epoch"), latest.log());
        QueryResult completed = state.query("/dkg/completed", new byte[0]);
        assertEquals(Kind.NO_ISSUING_KEY.code(), completed.code());
        assertTrue(completed.log().contains("no completed key epoch"), completed.log());
        block();
        assertEquals("dealing", phase());
        assertEquals(
                Kind.NO_ISSUING_KEY.code(),
                state.query("/dkg/completed", "1".getBytes()).code());
        assertEquals(
                Kind.BAD_QUERY.code(), state.query("/dkg", "one".getBytes()).code());
        assertEquals(
                Kind.BAD_QUERY.code(),
                state.query("/dkg/dealings", "0".getBytes()).code());
    }

    @Test
    void query_paramsAndRegistry_carryDkgSetUpWithoutGroupKey() {
        JsonNode params = query("/params", "");
        assertFalse(params.get("coconut").has("verification_key"));
        assertEquals(
                Base64.getEncoder().encodeToString(TestNet.PARAMS.toBytes()),
                params.get("coconut").get("params").asText());
        assertEquals(
                TestNet.DEALING_BLOCKS, params.get("dkg").get("dealing_blocks").asLong());
        assertEquals(2, params.get("issuer_threshold").asInt());
        JsonNode issuer = query("/registry", "").get("issuers").get(2);
        assertEquals(3, issuer.get("index").asInt());
        assertEquals(
                Hex.prefixed(net.issuers[2].address()), issuer.get("address").asText());
        assertEquals(net.dkgKeys[2].publicKey().toHex(), issuer.get("dkg_key").asText());
    }

    // ------------------------------------------------------------------ helpers

    /** All three deal honestly in block 1; block 2 opens the complaint phase. */
    private void allDealThenComplaints() {
        block(
                net.dealingTx(1, 1, net.dealing(1, 1).toBytes()),
                net.dealingTx(2, 1, net.dealing(2, 1).toBytes()),
                net.dealingTx(3, 1, net.dealing(3, 1).toBytes()));
        block();
        assertEquals("complaints", phase());
    }

    /** As {@link #allDealThenComplaints} with dealer 3's share for recipient 1 broken; returns that dealing. */
    private Dealing allDealWithBadThirdThenComplaints() {
        Dealing bad = corruptShareOf(net.dealing(3, 1), 1);
        block(
                net.dealingTx(1, 1, net.dealing(1, 1).toBytes()),
                net.dealingTx(2, 1, net.dealing(2, 1).toBytes()),
                net.dealingTx(3, 1, bad.toBytes()));
        block();
        return bad;
    }

    /**
     * {@code dealing} with one byte of recipient {@code recipient}'s ciphertext flipped: still well-formed, but that
     * share no longer opens (the other recipients' shares are untouched).
     */
    private static Dealing corruptShareOf(Dealing dealing, int recipient) {
        byte[] b = dealing.toBytes();
        int columns = b[2] & 0xFF; // q + 1
        int n = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
        int ciphertext = columns * 32 + 16;
        b[b.length - n * ciphertext + (recipient - 1) * ciphertext] ^= 0x01;
        try {
            return Dealing.fromBytes(b, TestNet.PARAMS, dealing.threshold(), dealing.recipients());
        } catch (CoconutException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The tx built for {@code sender}'s next nonce is refused with {@code kind} at CheckTx and in a block, and the
     * block leaves exactly the state of a twin chain where the sender's tx only consumed its nonce (an overdraft): so
     * the refusal changed nothing but the nonce, which a tx in a block always consumes.
     */
    private void assertRefusedChangingNothing(Kind kind, KeyPair sender, java.util.function.LongFunction<byte[]> tx) {
        long nonce = net.next(sender);
        byte[] refused = tx.apply(nonce);
        TxOutcome checked = state.checkTx(refused);
        assertEquals(kind.code(), checked.code(), checked.log());
        LedgerState twin = fresh(net);
        replay(twin);
        TxOutcome inBlock = block(refused).get(0);
        assertEquals(kind.code(), inBlock.code(), inBlock.log());
        assertTrue(inBlock.events().isEmpty());
        TxOutcome overdraft = blockOn(twin, net.tx.transfer(sender, nonce, net.bob.address(), Long.MAX_VALUE))
                .get(0);
        assertEquals(Kind.INSUFFICIENT_BALANCE.code(), overdraft.code());
        assertArrayEquals(twin.appHash(), state.appHash());
    }

    private void replay(LedgerState twin) {
        for (List<byte[]> txs : history) {
            twin.finalizeBlock(twin.height() + 1, 0, txs);
            twin.commit();
        }
    }
}
