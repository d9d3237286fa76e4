package nym.ledger.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.stake.BondMessage;
import nym.ledger.tx.stake.NodeIds;
import nym.ledger.tx.stake.StakeEpochs;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stake on a real CometBFT node: a mix node bonded through RPC joins the active set fixed by a settlement, and that
 * settlement ran in the first block whose CometBFT time reached the epoch's settle point; the {@code delegate} and
 * {@code undelegate} commands work against it.
 */
class StakeChainTest {
    private static final long EPOCH_SECONDS = 4;
    private static final StakeEpochs EPOCHS = new StakeEpochs(EPOCH_SECONDS);

    @Test
    void bondedNodeEntersTheActiveSet_settlementAtTheFirstBlockPastTheSettlePoint(@TempDir Path dir) throws Exception {
        ObjectNode genesis = GenesisDoc.development(Chains.CHAIN_ID, 3, 2, 2, 1_000_000L);
        ObjectNode stake = ((ObjectNode) genesis.get("app_state")).putObject("stake");
        stake.put("epoch_seconds", Long.toString(EPOCH_SECONDS)).putArray("monitors");
        stake.put("min_bond", "100")
                .put("unbonding_epochs", "2")
                .put("reward_pool", "1000000")
                .put("epoch_reward_budget", "1000")
                .put("saturation_stake", "10000")
                .put("score_threshold", 800)
                .put("penalty_permille", 50)
                .put("rejoin_after_epochs", 3)
                .put("active_mixnodes", 100)
                .put("active_gateways", 50);
        try (LocalChain chain = LocalChain.create(
                        dir, 1, genesis, ChainHomes.Settings.defaults().withTimeoutCommit(Duration.ofMillis(300)), null)
                .start()) {
            CometRpc rpc = chain.rpc(0);
            KeyPair owner = GenesisDoc.devAccount(0);
            Ed25519PrivateKeyParameters node = new Ed25519PrivateKeyParameters(new byte[32], 0);
            byte[] identity = node.generatePublicKey().getEncoded();
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, node);
            byte[] message = BondMessage.bytes(Chains.CHAIN_ID, owner.address());
            signer.update(message, 0, message.length);
            byte[] bond = new TxBuilder(Chains.CHAIN_ID)
                    .bondNode(owner, 0, identity, NodeKind.NODE_MIXNODE, 500, signer.generateSignature());
            ObjectNode p = CometRpc.params();
            p.put("tx", Base64.getEncoder().encodeToString(bond));
            JsonNode committed = rpc.result("broadcast_tx_commit", p);
            assertEquals(0, committed.get("tx_result").get("code").asInt(), committed.toString());
            long bondHeight = committed.get("height").asLong();

            long bondMs = blockTime(rpc, bondHeight).toEpochMilli();
            long bondEpoch = EPOCHS.epochAt(bondMs);
            // the first settlement after the bond fixes an active set listing the node
            long first = bondMs < EPOCHS.settleMs(bondEpoch) ? bondEpoch + 1 : bondEpoch + 2;
            JsonNode active = awaitActive(rpc, first, Duration.ofSeconds(30));
            assertTrue(active.get("mixnodes").toString().contains(NodeIds.text(identity)), active.toString());

            long fixedAt = active.get("fixed_at_height").asLong();
            long settled = active.get("epoch").asLong() - 1;
            long settleMs = EPOCHS.settleMs(settled);
            assertTrue(blockTime(rpc, fixedAt).toEpochMilli() >= settleMs, "settled at or after its settle point");
            assertTrue(blockTime(rpc, fixedAt - 1).toEpochMilli() < settleMs, "and not a block later than needed");
            JsonNode epoch = rpc.query("/stake/epoch", Hex.lower(epochBytes(settled)));
            assertEquals(fixedAt, epoch.get("settled_at_height").asLong());

            // the CLI: a delegator delegates 50 and withdraws 20 of it (to be paid back after the delay)
            Path key = dir.resolve("delegator.key");
            Files.writeString(
                    key, String.format("%064x", GenesisDoc.devAccount(1).privateKey()));
            assertEquals(0, cli("delegate", key, identity, "50", chain));
            assertEquals(0, cli("undelegate", key, identity, "20", chain));
            assertEquals(1, cli("undelegate", key, identity, "31", chain), "more than delegated: refused");
            JsonNode n = rpc.query("/stake/node", Hex.lower(identity));
            assertEquals("30", n.get("delegated").asText());
            assertEquals(2, n.get("delegations").size(), "the active 30 and the 20 waiting for its release");
        }
    }

    private static int cli(String command, Path key, byte[] identity, String amount, LocalChain chain) {
        return nym.ledger.cli.Main.commandLine()
                .execute(
                        command,
                        "--key",
                        key.toString(),
                        "--node",
                        NodeIds.text(identity),
                        "--amount",
                        amount,
                        "--rpc",
                        chain.rpcUri(0).toString());
    }

    private static JsonNode awaitActive(CometRpc rpc, long epoch, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                return rpc.query("/stake/active", Hex.lower(epochBytes(epoch)));
            } catch (LedgerException notFixedYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no active set for epoch " + epoch + " within " + timeout);
    }

    private static Instant blockTime(CometRpc rpc, long height) {
        ObjectNode p = CometRpc.params();
        p.put("height", Long.toString(height));
        return Instant.parse(
                rpc.result("block", p).get("block").get("header").get("time").asText());
    }

    private static byte[] epochBytes(long epoch) {
        return ByteBuffer.allocate(8).putLong(epoch).array();
    }
}
