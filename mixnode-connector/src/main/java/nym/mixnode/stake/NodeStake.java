package nym.mixnode.stake;

import com.google.protobuf.ByteString;
import java.util.Optional;
import nym.credential.rpc.LedgerRpc.TxResult;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.TxBuilder;
import nym.ledger.tx.proto.LedgerProto.BondNode;
import nym.ledger.tx.proto.LedgerProto.NodeKind;
import nym.ledger.tx.proto.LedgerProto.TxBody;
import nym.ledger.tx.proto.LedgerProto.UnbondNode;
import nym.mixnode.config.NodeMode;
import nym.mixnode.keys.NodeKeys;

/**
 * Bonds and unbonds one node from its owner's ledger account ({@code mixnode bond | unbond}). Bonding is idempotent
 * towards a target: it reads the node's bond first and sends only what is missing, so running it again (a restart of
 * localnet, a retried script) changes nothing once the bond is there. Each call answers the line to print; what
 * cannot be done is a {@link StakeException}, and an unreachable ledger a {@code LedgerRpcException}.
 */
public final class NodeStake {

    private final StakeLedger ledger;
    private final NodeKeys node;
    private final NodeMode mode;
    private final Secp256k1.KeyPair owner;

    /**
     * @param node the node's keys (its identity signs the bond message)
     * @param mode the node's mode, which is the kind it is bonded as
     * @param owner the account that pays the bond and gets it back
     */
    public NodeStake(StakeLedger ledger, NodeKeys node, NodeMode mode, Secp256k1.KeyPair owner) {
        this.ledger = ledger;
        this.node = node;
        this.mode = mode;
        this.owner = owner;
    }

    /** Makes this owner's bond at least {@code amount} NYM, bonding the difference. */
    public String bond(long amount) {
        if (amount < 1) {
            throw new IllegalArgumentException("the bond is a whole number of NYM, at least 1, not " + amount);
        }
        Optional<BondedNode> bonded = ownBond();
        long held = bonded.map(BondedNode::bond).orElse(0L);
        if (bonded.isPresent() && bonded.get().unbonding()) {
            throw new StakeException("node " + node.identityKeyText() + " is unbonding (its bond is paid back at the"
                    + " settlement of epoch " + bonded.get().releaseEpoch() + "): it takes no new bond until then");
        }
        if (bonded.isPresent() && !bonded.get().kind().equals(kindText())) {
            throw new StakeException("the ledger has this node bonded as a "
                    + bonded.get().kind() + ", but its home" + " is a " + kindText());
        }
        if (held >= amount) {
            return "already bonded: " + held + " NYM";
        }
        String chainId = ledger.chainId();
        long missing = amount - held;
        BondNode bond = BondNode.newBuilder()
                .setIdentityKey(ByteString.copyFrom(node.identity().publicKey()))
                .setKind(mode == NodeMode.GATEWAY ? NodeKind.NODE_GATEWAY : NodeKind.NODE_MIXNODE)
                .setAmount(missing)
                .setIdentitySignature(
                        ByteString.copyFrom(node.identity().sign(BondMessage.of(chainId, owner.address()))))
                .build();
        TxResult result = send(chainId, body(chainId).setBondNode(bond), "bond");
        return "bonded: " + missing + " NYM added, " + amount + " NYM in all (tx " + result.hash() + " at height "
                + result.height() + ")";
    }

    /** Unbonds the node: its bond and delegations are paid back after the ledger's unbonding delay. */
    public String unbond() {
        BondedNode bonded = ownBond()
                .orElseThrow(() -> new StakeException("the ledger has no bond for node " + node.identityKeyText()));
        if (bonded.unbonding()) {
            return "already unbonding: " + bonded.bond() + " NYM paid back at the settlement of epoch "
                    + bonded.releaseEpoch();
        }
        String chainId = ledger.chainId();
        UnbondNode unbond = UnbondNode.newBuilder()
                .setIdentityKey(ByteString.copyFrom(node.identity().publicKey()))
                .build();
        TxResult result = send(chainId, body(chainId).setUnbondNode(unbond), "unbond");
        return "unbonding: " + bonded.bond() + " NYM (tx " + result.hash() + " at height " + result.height()
                + "); paid back after the ledger's unbonding delay";
    }

    /** The node's bond if this owner holds it (empty when it has none); another owner's bond is refused here. */
    private Optional<BondedNode> ownBond() {
        Optional<BondedNode> bonded = ledger.node(node.identity().publicKey());
        String self = Hex.prefixed(owner.address());
        if (bonded.isPresent() && !bonded.get().owner().equalsIgnoreCase(self)) {
            throw new StakeException("node " + node.identityKeyText() + " is bonded by "
                    + bonded.get().owner() + ", not by this owner " + self);
        }
        return bonded;
    }

    private TxBody.Builder body(String chainId) {
        return TxBody.newBuilder().setChainId(chainId).setNonce(ledger.accountNonce(owner.address()));
    }

    private TxResult send(String chainId, TxBody.Builder body, String what) {
        TxResult result = ledger.broadcast(new TxBuilder(chainId).sign(owner, body.build()));
        if (!result.ok()) {
            throw new StakeException(
                    "the ledger refused the " + what + " (code " + result.code() + "): " + result.log());
        }
        return result;
    }

    private String kindText() {
        return mode == NodeMode.GATEWAY ? "gateway" : "mixnode";
    }
}
