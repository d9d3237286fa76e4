package nym.issuer.infrastructure.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nym.coconut.RandomSource;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.dkg.DkgResult;
import nym.issuer.domain.DkgLedger;
import nym.issuer.domain.EpochDealings;
import nym.issuer.domain.Holder;
import nym.issuer.domain.KeyEpoch;
import nym.ledger.jca.CommitResult;
import nym.ledger.jca.QueryResult;
import nym.ledger.jca.TxOutcome;
import org.junit.jupiter.api.Test;

/** The ledger's answers in the form ledger-app writes them (KeyEpochQueries), with real DKG material. */
class DkgAnswersTest {
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final TxOutcome OK = new TxOutcome(0, "", "", List.of());

    private static QueryResult answer(String json) {
        return new QueryResult(0, "", "", 5, new byte[0], json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static QueryResult refusal(int code, String log) {
        return new QueryResult(code, "", log, 5, new byte[0], null);
    }

    @Test
    void keyEpoch_completedAnswer_phaseIndicesKeysAndIssuers() throws Exception {
        RandomSource rng = RandomSource.deterministic(3);
        List<DkgPublicKey> issuers = List.of(
                DkgKeyPair.generate(rng).publicKey(), DkgKeyPair.generate(rng).publicKey());
        SortedMap<Integer, Dealing> dealings = new TreeMap<>();
        for (int j = 1; j <= 2; j++) {
            dealings.put(j, Dealing.deal(Holder.PARAMS, 2, issuers, new DealingContext("c", 3, j), rng));
        }
        DkgResult result = DkgResult.combine(dealings);
        String json = "{\"key_epoch\":3,\"phase\":\"completed\",\"threshold\":2,\"size\":2,\"dealing_start\":10,"
                + "\"dealing_end\":20,\"complaint_end\":30,\"completed_height\":31,\"dealers\":[1,2],"
                + "\"disqualified\":[],\"qualified\":[1,2],\"verification_key\":\""
                + B64.encodeToString(result.verificationKey().toBytes()) + "\",\"shares\":["
                + "{\"index\":1,\"verification_key_share\":\""
                + B64.encodeToString(result.share(1).toBytes()) + "\"},"
                + "{\"index\":2,\"verification_key_share\":\""
                + B64.encodeToString(result.share(2).toBytes()) + "\"}],"
                + "\"issuers\":[{\"index\":1,\"address\":\"0x01\",\"dkg_key\":\""
                + issuers.get(0).toHex() + "\"},"
                + "{\"index\":2,\"address\":\"0x02\",\"dkg_key\":\""
                + issuers.get(1).toHex() + "\"}]}";

        KeyEpoch epoch = DkgAnswers.keyEpoch(answer(json)).orElseThrow();

        assertEquals(3, epoch.number());
        assertEquals(KeyEpoch.Phase.COMPLETED, epoch.phase());
        assertEquals(2, epoch.threshold());
        assertEquals(2, epoch.size());
        assertEquals(Set.of(1, 2), epoch.dealers());
        assertEquals(Set.of(1, 2), epoch.qualified());
        assertEquals(result.verificationKey(), epoch.verificationKey().orElseThrow());
        assertEquals(result.share(2), epoch.shares().get(2));
        assertEquals(issuers, epoch.recipientKeys());
    }

    @Test
    void keyEpoch_dealingAnswer_noKeysYet() {
        String json = "{\"key_epoch\":1,\"phase\":\"dealing\",\"threshold\":2,\"size\":3,\"dealers\":[2],"
                + "\"disqualified\":[],\"qualified\":[],\"issuers\":[]}";

        KeyEpoch epoch = DkgAnswers.keyEpoch(answer(json)).orElseThrow();

        assertEquals(KeyEpoch.Phase.DEALING, epoch.phase());
        assertEquals(Set.of(2), epoch.dealers());
        assertTrue(epoch.verificationKey().isEmpty());
        assertTrue(epoch.shares().isEmpty());
    }

    @Test
    void keyEpoch_noneYet_emptyAndOtherRefusalsThrow() {
        assertTrue(DkgAnswers.keyEpoch(refusal(27, "DKG_WRONG_PHASE: no key epoch"))
                .isEmpty());
        assertTrue(DkgAnswers.keyEpoch(refusal(31, "NO_ISSUING_KEY: no completed key epoch"))
                .isEmpty());
        assertThrows(IllegalStateException.class, () -> DkgAnswers.keyEpoch(refusal(18, "BAD_QUERY")));
        assertThrows(IllegalStateException.class, () -> DkgAnswers.keyEpoch(answer("{\"key_epoch\":1}")));
        assertThrows(
                IllegalStateException.class,
                () -> DkgAnswers.keyEpoch(
                        answer("{\"key_epoch\":1,\"phase\":\"resting\",\"threshold\":1," + "\"size\":1}")));
    }

    @Test
    void dealings_ledgersAnswer_dealingsAndComplaints() {
        String json = "{\"key_epoch\":4,\"dealings\":[{\"dealer_index\":1,\"dealing\":\"AQI=\"},"
                + "{\"dealer_index\":3,\"dealing\":\"Aw==\"}],"
                + "\"complaints\":[{\"dealer_index\":3,\"complainer_index\":2}]}";

        EpochDealings d = DkgAnswers.dealings(answer(json));

        assertEquals(4, d.keyEpoch());
        assertArrayEquals(new byte[] {1, 2}, d.dealings().get(1));
        assertTrue(d.hasDealingOf(3));
        assertFalse(d.hasDealingOf(2));
        assertTrue(d.hasComplaint(3, 2));
        assertFalse(d.hasComplaint(3, 1));
    }

    @Test
    void nonce_accountAnswer_itsNonce() {
        assertEquals(7, DkgAnswers.nonce(answer("{\"address\":\"0x00\",\"balance\":\"0\",\"nonce\":\"7\"}")));
        assertEquals(0, DkgAnswers.nonce(answer(null)), "an account the ledger does not know yet");
        assertThrows(IllegalStateException.class, () -> DkgAnswers.nonce(answer("{\"balance\":\"1\"}")));
    }

    @Test
    void submission_acceptedRefusedOrToRetry() {
        String hash = "AB".repeat(32);
        assertTrue(DkgAnswers.submission(new CommitResult(hash, 9, OK, OK)).accepted());

        DkgLedger.Submission duplicate = DkgAnswers.submission(
                new CommitResult(hash, 0, new TxOutcome(28, "nym", "DKG_DUPLICATE: again", List.of()), null));
        assertEquals(28, duplicate.code());
        assertTrue(duplicate.log().contains("DKG_DUPLICATE"));

        assertThrows(
                IllegalStateException.class,
                () -> DkgAnswers.submission(
                        new CommitResult(hash, 0, new TxOutcome(4, "nym", "WRONG_NONCE", List.of()), null)));
    }
}
