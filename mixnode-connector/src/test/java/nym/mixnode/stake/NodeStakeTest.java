package nym.mixnode.stake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.credential.rpc.LedgerRpcException;
import nym.directory.api.Ed25519Identity;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.Transaction;
import nym.ledger.tx.proto.LedgerProto.BondNode;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.TxBody;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;
import org.junit.jupiter.api.Test;

/** Bonding and unbonding against a scripted ledger, checked on the signed bytes that would be broadcast. */
class NodeStakeTest {

    private final ScriptedStakeLedger ledger = new ScriptedStakeLedger();
    private final NodeKeys node = NodeKeys.fromSeed("stake-test");
    private final Secp256k1.KeyPair owner = Secp256k1.KeyPair.fromSeed("operator-1");
    private final String ownerText = "0x" + HexFormat.of().formatHex(owner.address());

    private NodeStake stake(NodeMode mode) {
        return new NodeStake(ledger, node, mode, owner);
    }

    /** The one transaction broadcast, its signature checked and its sender recovered. */
    private Transaction sent() {
        assertEquals(1, ledger.broadcasts.size());
        return Transaction.decode(ledger.broadcasts.get(0));
    }

    @Test
    void bond_unbondedMixNode_signedByTheOwnerWithTheIdentitySignatureOverTheExactMessage() {
        String line = stake(NodeMode.MIX).bond(500);

        Transaction tx = sent();
        assertArrayEquals(owner.address(), tx.sender());
        TxBody body = tx.body();
        assertEquals(ScriptedStakeLedger.CHAIN, body.getChainId());
        assertEquals(7, body.getNonce());
        assertEquals(TxBody.KindCase.BOND_NODE, body.getKindCase());
        BondNode bond = body.getBondNode();
        assertArrayEquals(node.identity().publicKey(), bond.getIdentityKey().toByteArray());
        assertEquals(NodeKind.NODE_MIXNODE, bond.getKind());
        assertEquals(500, bond.getAmount());
        byte[] expected = ("nym-bond-v1\nnym-test\n" + ownerText.substring(2)).getBytes(StandardCharsets.UTF_8);
        byte[] signature = bond.getIdentitySignature().toByteArray();
        assertEquals(64, signature.length);
        assertTrue(Ed25519Identity.verify(node.identity().publicKey(), expected, signature));
        assertFalse(
                Ed25519Identity.verify(
                        node.identity().publicKey(),
                        ("nym-bond-v1\nother-chain\n" + ownerText.substring(2)).getBytes(StandardCharsets.UTF_8),
                        signature),
                "bound to the chain");
        assertTrue(line.startsWith("bonded: 500 NYM added, 500 NYM in all (tx ABCD at height 42)"), line);
    }

    @Test
    void bond_gatewayHome_bondedAsAGateway() {
        stake(NodeMode.GATEWAY).bond(100);
        assertEquals(NodeKind.NODE_GATEWAY, sent().body().getBondNode().getKind());
    }

    @Test
    void bond_alreadyBondedAtLeastTheAmount_sendsNothing() {
        ledger.node = new BondedNode(ownerText, "mixnode", 500, false, null);
        assertEquals("already bonded: 500 NYM", stake(NodeMode.MIX).bond(500));
        assertEquals("already bonded: 500 NYM", stake(NodeMode.MIX).bond(400));
        assertEquals(List.of(), ledger.broadcasts);
    }

    @Test
    void bond_bondedLessThanTheAmount_bondsTheDifference() {
        ledger.node = new BondedNode(ownerText.toUpperCase().replace("0X", "0x"), "mixnode", 300, false, null);
        stake(NodeMode.MIX).bond(500);
        assertEquals(200, sent().body().getBondNode().getAmount());
    }

    @Test
    void bond_anotherOwnersNodeOrUnbondingOrOfAnotherKind_refusedWithoutSending() {
        ledger.node = new BondedNode("0x" + "11".repeat(20), "mixnode", 500, false, null);
        StakeException other =
                assertThrows(StakeException.class, () -> stake(NodeMode.MIX).bond(500));
        assertTrue(other.getMessage().contains("is bonded by 0x1111"), other.getMessage());

        ledger.node = new BondedNode(ownerText, "mixnode", 500, true, 12L);
        StakeException unbonding =
                assertThrows(StakeException.class, () -> stake(NodeMode.MIX).bond(600));
        assertTrue(unbonding.getMessage().contains("unbonding"), unbonding.getMessage());
        assertTrue(unbonding.getMessage().contains("epoch 12"), unbonding.getMessage());

        ledger.node = new BondedNode(ownerText, "gateway", 100, false, null);
        StakeException kind =
                assertThrows(StakeException.class, () -> stake(NodeMode.MIX).bond(500));
        assertTrue(kind.getMessage().contains("bonded as a gateway"), kind.getMessage());

        assertEquals(List.of(), ledger.broadcasts);
    }

    @Test
    void bond_refusedByTheLedger_theLedgersCodeAndLogInTheError() {
        ledger.answer = new TxResult("ABCD", 0, 9, "insufficient balance: 80 < 500");
        StakeException e =
                assertThrows(StakeException.class, () -> stake(NodeMode.MIX).bond(500));
        assertEquals("the ledger refused the bond (code 9): insufficient balance: 80 < 500", e.getMessage());
    }

    @Test
    void bond_ledgerDown_anRpcFailureNotAStakeRefusal() {
        ledger.down = true;
        assertThrows(LedgerRpcException.class, () -> stake(NodeMode.MIX).bond(500));
    }

    @Test
    void bond_amountBelowOne_refused() {
        assertThrows(IllegalArgumentException.class, () -> stake(NodeMode.MIX).bond(0));
        assertEquals(List.of(), ledger.broadcasts);
    }

    @Test
    void unbond_ownBond_unbondNodeSignedByTheOwner() {
        ledger.node = new BondedNode(ownerText, "mixnode", 500, false, null);
        String line = stake(NodeMode.MIX).unbond();
        Transaction tx = sent();
        assertArrayEquals(owner.address(), tx.sender());
        assertEquals(TxBody.KindCase.UNBOND_NODE, tx.body().getKindCase());
        assertArrayEquals(
                node.identity().publicKey(),
                tx.body().getUnbondNode().getIdentityKey().toByteArray());
        assertTrue(line.startsWith("unbonding: 500 NYM"), line);
    }

    @Test
    void unbond_notBondedOrAlreadyUnbonding_nothingSent() {
        StakeException none =
                assertThrows(StakeException.class, () -> stake(NodeMode.MIX).unbond());
        assertTrue(none.getMessage().contains("no bond"), none.getMessage());
        ledger.node = new BondedNode(ownerText, "mixnode", 500, true, 9L);
        assertEquals(
                "already unbonding: 500 NYM paid back at the settlement of epoch 9",
                stake(NodeMode.MIX).unbond());
        assertEquals(List.of(), ledger.broadcasts);
    }

    @Test
    void fromJson_stakeNodeAnswer_read() {
        String answer = "{\"identity\":\"x\",\"kind\":\"gateway\",\"owner\":\"0xab\",\"bond\":\"9223372036854775807\","
                + "\"delegated\":\"0\",\"stake\":\"1\",\"status\":\"unbonding\",\"release_epoch\":\"31\",\"score\":null}";
        BondedNode read =
                BondedNode.fromJson(Json.createReader(new StringReader(answer)).readObject());
        assertEquals(new BondedNode("0xab", "gateway", Long.MAX_VALUE, true, 31L), read);
        String bonded = answer.replace("unbonding", "bonded").replace("\"31\"", "null");
        assertEquals(
                null,
                BondedNode.fromJson(Json.createReader(new StringReader(bonded)).readObject())
                        .releaseEpoch());
        String broken = answer.replace("unbonding", "gone");
        assertThrows(
                LedgerRpcException.class,
                () -> BondedNode.fromJson(
                        Json.createReader(new StringReader(broken)).readObject()));
    }
}
