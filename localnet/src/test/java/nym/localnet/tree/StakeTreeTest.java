package nym.localnet.tree;

import static nym.localnet.tree.TreeFixture.build;
import static nym.localnet.tree.TreeFixture.secp256k1;
import static nym.localnet.tree.TreeFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nym.ledger.Hex;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.state.Genesis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tree's part of issue 21: the authorities' monitor accounts, the node operators' accounts, the genesis stake. */
class StakeTreeTest {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    @TempDir
    Path dir;

    @Test
    void build_genesisStake_treeDefaultsWithTheEpochLengthAndTheAuthoritiesMonitors() throws IOException {
        Path t = dir.resolve("net");
        build(t, "--seed", "st", "--epoch-seconds", "120");

        JsonNode stake = appState(t).get("stake");

        List<String> monitors = new ArrayList<>();
        stake.get("monitors").forEach(m -> monitors.add(m.textValue()));
        assertEquals(monitorAddresses(t, 3), monitors);
        assertEquals("120", stake.get("epoch_seconds").textValue());
        Map<String, String> amounts = Map.of(
                "min_bond", "100",
                "unbonding_epochs", "2",
                "reward_pool", "1000000",
                "epoch_reward_budget", "1000",
                "saturation_stake", "10000");
        amounts.forEach((field, value) -> assertEquals(value, stake.get(field).textValue(), field));
        Map<String, Integer> numbers = Map.of(
                "score_threshold", 800,
                "penalty_permille", 50,
                "rejoin_after_epochs", 3,
                "active_mixnodes", 100,
                "active_gateways", 50);
        numbers.forEach((field, value) -> {
            assertTrue(stake.get(field).isIntegralNumber(), field + " is a number");
            assertEquals(value, stake.get(field).intValue(), field);
        });
        assertEquals(2 + amounts.size() + numbers.size(), stake.size(), "no other field: " + stake);
    }

    @Test
    void build_noStake_genesisWithoutStakeButWithOperators() throws IOException {
        Path t = dir.resolve("net");
        build(t, "--seed", "ns", "--no-stake");

        assertFalse(appState(t).has("stake"));
        assertTrue(Files.exists(t.resolve("operators/operator-1/operator.key")));
        assertTrue(Files.readString(t.resolve("network.toml")).contains("\nstake = false\n"));
    }

    @Test
    void build_operators_byDefaultOnePerLocalnetNode_eachFundedAtGenesis() throws IOException {
        Path t = dir.resolve("net");
        TreeFixture.Run run = build(t, "--seed", "op", "--gateways", "3");

        Map<String, Long> balances = balances(t);
        int expected = NetworkTreeCommand.LOCALNET_MIXNODES + 3;
        for (int k = 1; k <= expected; k++) {
            Path operator = t.resolve("operators/operator-" + k);
            byte[] address = secp256k1(operator.resolve("operator.key")).address();
            assertEquals(Hex.prefixed(address), text(operator.resolve("operator.address")));
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(operator.resolve("operator.key")));
            assertEquals(1000L, balances.get(Hex.lower(address)), "operator " + k);
            assertTrue(run.output().contains("operators/operator-" + k + "/operator.key"), run.output());
        }
        assertFalse(Files.exists(t.resolve("operators/operator-" + (expected + 1))));
        assertTrue(Files.readString(t.resolve("network.toml")).contains("\noperators = " + expected + "\n"));
    }

    @Test
    void build_operatorsAndTheirBalance_asAsked_neverServiceProviders() throws IOException {
        Path t = dir.resolve("net");
        build(t, "--seed", "op2", "--operators", "2", "--operator-genesis-balance", "250");

        GenesisDoc doc = GenesisDoc.read(t.resolve("ledger/genesis.json"));
        Genesis genesis = Genesis.parse(doc.appState(), doc.chainId());
        for (int k = 1; k <= 2; k++) {
            byte[] address = secp256k1(t.resolve("operators/operator-" + k + "/operator.key"))
                    .address();
            assertEquals(250L, genesis.balances().get(Hex.lower(address)));
            for (int p = 0; p < genesis.params().getProvidersCount(); p++) {
                assertFalse(
                        Hex.lower(address)
                                .equals(Hex.lower(
                                        genesis.params().getProviders(p).toByteArray())),
                        "operator " + k + " registered as a service provider");
            }
        }
        assertFalse(Files.exists(t.resolve("operators/operator-3")));
    }

    @Test
    void build_again_keepsOperatorKeys_sameSeedSameKeys() throws IOException {
        Path t = dir.resolve("net");
        build(t, "--seed", "first");
        String operator = text(t.resolve("operators/operator-2/operator.key"));

        TreeFixture.Run again = build(t, "--seed", "second");

        assertEquals(operator, text(t.resolve("operators/operator-2/operator.key")));
        assertTrue(again.output().contains("operators/operator-2/operator.key (kept"), again.output());
    }

    @Test
    void build_treeFromBeforeIssue21_eachAuthorityGetsAMonitorKey_saidOnce_otherKeysKept() throws IOException {
        Path t = dir.resolve("old");
        build(t, "--seed", "old");
        List<String> directoryKeys = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path a = t.resolve("authorities/authority-" + i);
            directoryKeys.add(text(a.resolve("directory.key")));
            Files.delete(a.resolve("monitor.key"));
        }

        TreeFixture.Run run = build(t, "--seed", "old");

        for (int i = 1; i <= 3; i++) {
            Path a = t.resolve("authorities/authority-" + i);
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(a.resolve("monitor.key")));
            assertEquals(directoryKeys.get(i - 1), text(a.resolve("directory.key")));
            assertTrue(
                    run.output().contains("authorities/authority-" + i + ": " + AuthorityInit.MONITOR_KEY_ADDED),
                    run.output());
        }
        List<String> monitors = new ArrayList<>();
        appState(t).get("stake").get("monitors").forEach(m -> monitors.add(m.textValue()));
        assertEquals(monitorAddresses(t, 3), monitors);

        TreeFixture.Run third = build(t, "--seed", "old");
        assertFalse(third.output().contains(AuthorityInit.MONITOR_KEY_ADDED), third.output());
    }

    /** The monitors' addresses as each authority's public file gives them, and as derived from its monitor.key. */
    private static List<String> monitorAddresses(Path tree, int authorities) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= authorities; i++) {
            Path a = tree.resolve("authorities/authority-" + i);
            String published = Hex.prefixed(
                    AuthorityRecord.read(a.resolve("authority.toml")).monitorAddress());
            assertEquals(Hex.prefixed(secp256k1(a.resolve("monitor.key")).address()), published);
            addresses.add(published);
        }
        return addresses;
    }

    private static JsonNode appState(Path tree) throws IOException {
        return new ObjectMapper()
                .readTree(tree.resolve("ledger/genesis.json").toFile())
                .get("app_state");
    }

    private static Map<String, Long> balances(Path tree) {
        GenesisDoc doc = GenesisDoc.read(tree.resolve("ledger/genesis.json"));
        return Genesis.parse(doc.appState(), doc.chainId()).balances();
    }
}
