package nym.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.TestNet;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.NodeScore;
import nym.ledger.tx.stake.BondMessage;
import nym.ledger.tx.stake.StakeEpochs;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A stake chain for the tests: epochs of 100 s, three monitors, three operators and a delegator with genesis
 * balances, and helpers to bond, report and run blocks at given block times.
 */
final class StakeNet {
    static final long L = 100;
    static final StakeEpochs EPOCHS = new StakeEpochs(L);
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestNet net = new TestNet();
    final KeyPair[] monitors = {KeyPair.fromSeed("m1"), KeyPair.fromSeed("m2"), KeyPair.fromSeed("m3")};
    final KeyPair[] operators = {KeyPair.fromSeed("op1"), KeyPair.fromSeed("op2"), KeyPair.fromSeed("op3")};
    final KeyPair dora = KeyPair.fromSeed("dora");
    LedgerState state;

    /** The genesis stake object with these active-set sizes and saturation; other values as the tree's defaults. */
    StakeNet(int activeMixnodes, int activeGateways, long saturation) {
        StringBuilder m = new StringBuilder();
        for (KeyPair k : monitors) {
            m.append(m.length() == 0 ? "" : ",")
                    .append('"')
                    .append(Hex.prefixed(k.address()))
                    .append('"');
        }
        net.stake = "{\"epoch_seconds\":\"" + L + "\",\"monitors\":[" + m + "],\"min_bond\":\"100\","
                + "\"unbonding_epochs\":\"2\",\"reward_pool\":\"1000000\",\"epoch_reward_budget\":\"1000\","
                + "\"saturation_stake\":\"" + saturation + "\",\"score_threshold\":800,\"penalty_permille\":50,"
                + "\"rejoin_after_epochs\":3,\"active_mixnodes\":" + activeMixnodes + ",\"active_gateways\":"
                + activeGateways + "}";
        for (KeyPair k : operators) {
            net.balances.put(Hex.prefixed(k.address()), 2000L);
        }
        net.balances.put(Hex.prefixed(dora.address()), 1000L);
    }

    LedgerState start(LedgerState s) {
        state = s;
        state.initChain(TestNet.CHAIN, net.genesis());
        return state;
    }

    /** A node's Ed25519 identity key, from a seed. */
    static Ed25519PrivateKeyParameters nodeKey(int seed) {
        byte[] raw = new byte[32];
        raw[0] = (byte) seed;
        raw[31] = 0x5a;
        return new Ed25519PrivateKeyParameters(raw, 0);
    }

    static byte[] identity(Ed25519PrivateKeyParameters key) {
        return key.generatePublicKey().getEncoded();
    }

    static byte[] bondSignature(Ed25519PrivateKeyParameters key, String chainId, byte[] owner) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        byte[] message = BondMessage.bytes(chainId, owner);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    byte[] bond(KeyPair owner, Ed25519PrivateKeyParameters node, NodeKind kind, long amount) {
        return net.tx.bondNode(
                owner,
                net.next(owner),
                identity(node),
                kind,
                amount,
                bondSignature(node, TestNet.CHAIN, owner.address()));
    }

    byte[] report(int monitor, long epoch, Object... identityThenPerformance) {
        List<NodeScore> results = new ArrayList<>();
        for (int i = 0; i < identityThenPerformance.length; i += 2) {
            results.add(NodeScore.newBuilder()
                    .setIdentityKey(com.google.protobuf.ByteString.copyFrom((byte[]) identityThenPerformance[i]))
                    .setPerformance((Integer) identityThenPerformance[i + 1])
                    .setSamples(100)
                    .build());
        }
        KeyPair m = monitors[monitor];
        return net.tx.monitorReport(m, net.next(m), epoch, results);
    }

    /** Runs and commits one block at {@code timeMs}. */
    LedgerState.BlockOutcome block(long timeMs, byte[]... txs) {
        LedgerState.BlockOutcome o = state.finalizeBlock(state.height() + 1, timeMs, List.of(txs));
        state.commit();
        return o;
    }

    /** Runs one block expecting every transaction to succeed. */
    LedgerState.BlockOutcome ok(long timeMs, byte[]... txs) {
        LedgerState.BlockOutcome o = block(timeMs, txs);
        o.txs().forEach(t -> assertEquals(0, t.code(), t.log()));
        return o;
    }

    long balance(KeyPair k) {
        return query("/balance", k.address()).get("balance").asLong();
    }

    JsonNode query(String path, byte[] data) {
        QueryResult r = state.query(path, data);
        assertEquals(0, r.code(), r.log());
        try {
            return r.value() == null ? null : JSON.readTree(r.value());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    JsonNode node(byte[] identity) {
        return query("/stake/node", identity);
    }

    static byte[] epochData(long epoch) {
        return ByteBuffer.allocate(8).putLong(epoch).array();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
