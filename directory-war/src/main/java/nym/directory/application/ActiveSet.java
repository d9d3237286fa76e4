package nym.directory.application;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nym.directory.domain.node.NodeKind;

/**
 * The ledger's record of one epoch's active set ({@code /stake/active}), fixed when the epoch before it settled.
 *
 * @param mixnodes identity keys (unpadded base64url) of the active mix nodes
 * @param gateways identity keys of the active gateways
 * @param performance every bonded node's latest score, per mille, by identity key (nodes without one are absent)
 */
public record ActiveSet(long epoch, Set<String> mixnodes, Set<String> gateways, Map<String, Integer> performance) {

    public ActiveSet {
        mixnodes = Set.copyOf(mixnodes);
        gateways = Set.copyOf(gateways);
        performance = Map.copyOf(performance);
    }

    /** @throws StakeLedgerUnavailable when the record lacks a field or has one of the wrong type */
    static ActiveSet of(JsonObject o) {
        return LedgerJson.read("/stake/active", () -> {
            Map<String, Integer> performance = new TreeMap<>();
            o.getJsonObject("performance")
                    .forEach((identity, score) -> performance.put(identity, ((JsonNumber) score).intValueExact()));
            return new ActiveSet(
                    Long.parseLong(o.getString("epoch")),
                    identities(o, "mixnodes"),
                    identities(o, "gateways"),
                    performance);
        });
    }

    private static Set<String> identities(JsonObject o, String field) {
        return o.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    /** True if the node is in this record's active set of its kind. */
    public boolean contains(NodeKind kind, String identityKey) {
        return switch (kind) {
            case MIXNODE -> mixnodes.contains(identityKey);
            case GATEWAY -> gateways.contains(identityKey);
            case VALIDATOR -> false;
        };
    }
}
