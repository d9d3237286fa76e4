package nym.directory.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nym.directory.api.Ed25519Identity;
import nym.directory.application.FakeStakeLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The stake endpoints over a fake ledger: the ledger's records passed through, 404, 400 and 503 problems. */
class StakeResourceTest {

    private static final String IDENTITY = Ed25519Identity.generate().publicKeyText();

    private final FakeStakeLedger ledger = new FakeStakeLedger();
    private final StakeResource resource = new StakeResource();

    StakeResourceTest() {
        resource.stake = FakeStakeLedger.serviceOver(ledger, Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC));
    }

    @Test
    void nodes_ledgerWithStake_theLedgersList() {
        JsonObject answer = Json.createObjectBuilder()
                .add("settled_epoch", "7")
                .add("pool", "999000")
                .add("nodes", Json.createArrayBuilder().add(node()))
                .build();
        ledger.withStake(800, 120).withNodes(answer);

        assertEquals(answer, parse(resource.nodes()));
    }

    @Test
    void node_bondedNode_itsRecordWithDelegationsAndHistory() {
        JsonObject answer = Json.createObjectBuilder(node())
                .add("delegations", Json.createArrayBuilder())
                .add("history", Json.createArrayBuilder())
                .build();
        ledger.withStake(800, 120).withNode(IDENTITY, answer);

        assertEquals(answer, parse(resource.node(IDENTITY)));
    }

    @Test
    void epochAndActive_recordsOfThatEpoch() {
        JsonObject settlement = Json.createObjectBuilder()
                .add("epoch", "7")
                .add("paid", "1000")
                .add("skipped", false)
                .build();
        ledger.withStake(800, 120)
                .withSettlement(7, settlement)
                .withActive(8, List.of(IDENTITY), List.of(), Map.of(IDENTITY, 970));

        assertEquals(settlement, parse(resource.epoch("7")));
        JsonObject active = parse(resource.active("8"));
        assertEquals(970, active.getJsonObject("performance").getInt(IDENTITY));
        assertEquals(IDENTITY, active.getJsonArray("mixnodes").getString(0));
    }

    @Test
    void everyEndpoint_ledgerWithoutStake_404SayingSo() {
        ledger.withNodes(Json.createObjectBuilder().build());

        for (Executable call : everyEndpoint()) {
            assertProblem(404, "the ledger has no stake", call);
        }
    }

    @Test
    void unknownRecords_404NamingWhat() {
        ledger.withStake(800, 120);

        assertProblem(404, "no bonded node " + IDENTITY, () -> resource.node(IDENTITY));
        assertProblem(404, "epoch 9 is not settled", () -> resource.epoch("9"));
        assertProblem(404, "not fixed the active set of epoch 9", () -> resource.active("9"));
        assertProblem(404, "no stake nodes record", resource::nodes);
    }

    @Test
    void everyEndpoint_ledgerUnreachable_503() {
        ledger.withStake(800, 120).down(true);

        for (Executable call : everyEndpoint()) {
            assertProblem(503, "ledger unavailable", call);
        }
    }

    @Test
    void badPathParameters_400WithoutAskingTheLedger() {
        assertProblem(400, "identity", () -> resource.node("not-a-key"));
        assertProblem(400, "epoch must be a number", () -> resource.epoch("seven"));
        assertProblem(400, "epoch must be a number", () -> resource.active("-1"));
        assertEquals(0, ledger.queries());
    }

    private List<Executable> everyEndpoint() {
        return List.of(
                resource::nodes, () -> resource.node(IDENTITY), () -> resource.epoch("1"), () -> resource.active("1"));
    }

    private static JsonObject node() {
        return Json.createObjectBuilder()
                .add("identity", IDENTITY)
                .add("kind", "mixnode")
                .add("owner", "0x" + "ab".repeat(20))
                .add("bond", "500")
                .add("delegated", "0")
                .add("stake", "500")
                .add("status", "bonded")
                .addNull("release_epoch")
                .add("score", 990)
                .add("score_epoch", "7")
                .add("rewards", "12")
                .add("penalties", "0")
                .build();
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static void assertProblem(int status, String detailPart, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains(detailPart), e.getMessage());
    }
}
