package nym.mixnode.stake;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import nym.credential.rpc.LedgerRpcException;

/**
 * A node's bond as the ledger's {@code /stake/node} answers it (ledger-app README, "Stake"): what bonding and
 * unbonding need to know before they send anything.
 *
 * @param owner the owner's address, {@code 0x} and 40 lowercase hex digits
 * @param kind {@code mixnode} or {@code gateway}
 * @param bond the owner's bond, whole NYM
 * @param unbonding true once the owner unbonded it (its stake is paid back at {@code releaseEpoch})
 * @param releaseEpoch the epoch whose settlement pays the bond back; null while bonded
 */
public record BondedNode(String owner, String kind, long bond, boolean unbonding, Long releaseEpoch) {

    /** Reads a {@code /stake/node} answer; one that does not read is an outage, as every other malformed answer. */
    public static BondedNode fromJson(JsonObject node) {
        try {
            String status = node.getString("status");
            if (!status.equals("bonded") && !status.equals("unbonding")) {
                throw new IllegalArgumentException("status " + status);
            }
            JsonValue release = node.get("release_epoch");
            return new BondedNode(
                    node.getString("owner"),
                    node.getString("kind"),
                    Long.parseLong(node.getString("bond")),
                    status.equals("unbonding"),
                    release instanceof JsonString text ? Long.parseLong(text.getString()) : null);
        } catch (RuntimeException e) {
            throw new LedgerRpcException("the ledger's /stake/node answer does not read: " + e.getMessage(), e);
        }
    }
}
