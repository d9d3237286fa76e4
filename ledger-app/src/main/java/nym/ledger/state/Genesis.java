package nym.ledger.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nym.coconut.CoconutException;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.setup.Parameters;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.proto.LedgerProto.Issuer;
import nym.ledger.tx.proto.LedgerProto.Params;
import nym.ledger.tx.proto.LedgerProto.StakeParams;

/**
 * The application's genesis state ({@code app_state} in a CometBFT genesis file), as JSON:
 * <pre>{@code
 * { "watcher_threshold": 2, "issuer_threshold": 2, "verifier_threshold": 2, "verifier_reject_threshold": 2,
 *   "pipe_account": "0x…",
 *   "watchers":  ["0x…", …],
 *   "issuers":   [{"address": "0x…", "dkg_key": "<hex>"}, …],
 *   "verifiers": ["0x…", …],
 *   "providers": ["0x…", …],
 *   "coconut":   {"params": "<base64>"},
 *   "dkg":       {"dealing_blocks": 10, "complaint_blocks": 10, "rotation_blocks": 0},
 *   "allowed_values": [1, 2, 5, 10, 20, 50, 100],
 *   "rejected_deposit_penalty": 1, "deposit_timeout_blocks": 600,
 *   "bandwidth_bytes_per_nym": 1048576,
 *   "accounts":  [{"address": "0x…", "balance": "1000"}, …],
 *   "stake": {"epoch_seconds": "120", "monitors": ["0x…", …], "min_bond": "100", "unbonding_epochs": "2",
 *             "reward_pool": "1000000", "epoch_reward_budget": "1000", "saturation_stake": "10000",
 *             "score_threshold": 800, "penalty_permille": 50, "rejoin_after_epochs": 3,
 *             "active_mixnodes": 100, "active_gateways": 50} }
 * }</pre>
 * {@code verifier_reject_threshold} defaults to {@code verifier_threshold}; {@code allowed_values} to the set above;
 * {@code providers} to none (no deposit accepted); the penalty, the timeout, {@code dkg} and
 * {@code bandwidth_bytes_per_nym} (what a gateway grants per NYM of a credential spent there) to the values above.
 * An issuer's index is its position in {@code issuers} + 1; its {@code dkg_key} is its DKG encryption key (48 bytes,
 * a canonical compressed G1 point, not the identity), and the Coconut parameters must parse: the ledger checks
 * dealings against both.
 * Watchers, issuers, verifiers and providers may be given by address or by secp256k1 public key (hex, 33 or 65
 * bytes). The verifier thresholds must satisfy t + r ≤ n + 1: otherwise n votes could split into t − 1 accepts and
 * r − 1 rejects, and neither outcome would be reachable.
 * {@code stake} is optional (absent: no stake on this chain); when present every field is required (u64 as decimal
 * strings or numbers, monitors by address or public key), see {@link #stake}.
 */
public record Genesis(Params params, Map<String, Long> balances) {

    public static final List<Long> DEFAULT_VALUES = List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L);
    public static final long DEFAULT_REJECTED_DEPOSIT_PENALTY = 1;
    public static final long DEFAULT_DEPOSIT_TIMEOUT_BLOCKS = 600;
    public static final long DEFAULT_DKG_DEALING_BLOCKS = 10;
    public static final long DEFAULT_DKG_COMPLAINT_BLOCKS = 10;
    public static final long DEFAULT_DKG_ROTATION_BLOCKS = 0;
    /** 1 MiB of mixnet bandwidth per NYM. */
    public static final long DEFAULT_BANDWIDTH_BYTES_PER_NYM = 1L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and validates; throws BAD_GENESIS with the reason. */
    public static Genesis parse(byte[] json, String chainId) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "app state is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LedgerException(Kind.BAD_GENESIS, "app state must be a JSON object");
        }
        try {
            Params.Builder p = Params.newBuilder().setChainId(chainId);
            List<byte[]> watchers = addresses(root, "watchers");
            List<byte[]> verifiers = addresses(root, "verifiers");
            List<Issuer> issuers = new ArrayList<>();
            Set<String> seenIssuers = new HashSet<>();
            for (JsonNode n : array(root, "issuers")) {
                byte[] a = identity(text(n, "address"), "issuers");
                byte[] dkgKey = dkgKey(text(n, "dkg_key"));
                if (!seenIssuers.add(Hex.lower(a)) || !seenIssuers.add(Hex.lower(dkgKey))) {
                    throw new LedgerException(Kind.BAD_GENESIS, "duplicate issuer or DKG key " + Hex.prefixed(a));
                }
                issuers.add(Issuer.newBuilder()
                        .setAddress(ByteString.copyFrom(a))
                        .setDkgKey(ByteString.copyFrom(dkgKey))
                        .build());
            }
            int wt = threshold(root, "watcher_threshold", watchers.size());
            int it = threshold(root, "issuer_threshold", issuers.size());
            int vt = threshold(root, "verifier_threshold", verifiers.size());
            int vrt = root.has("verifier_reject_threshold")
                    ? threshold(root, "verifier_reject_threshold", verifiers.size())
                    : vt;
            if (vt + vrt > verifiers.size() + 1) {
                throw new LedgerException(
                        Kind.BAD_GENESIS,
                        "verifier_threshold + verifier_reject_threshold (" + vt + " + " + vrt + ") exceeds the "
                                + verifiers.size() + " verifiers + 1: a split vote could settle neither way");
            }
            p.setWatcherThreshold(wt)
                    .setIssuerThreshold(it)
                    .setVerifierThreshold(vt)
                    .setVerifierRejectThreshold(vrt);
            p.setPipeAccount(ByteString.copyFrom(Hex.parse(text(root, "pipe_account"), 20, "pipe_account")));
            watchers.forEach(w -> p.addWatchers(ByteString.copyFrom(w)));
            verifiers.forEach(v -> p.addVerifiers(ByteString.copyFrom(v)));
            if (root.has("providers")) {
                addresses(root, "providers").forEach(a -> p.addProviders(ByteString.copyFrom(a)));
            }
            p.setRejectedDepositPenalty(
                    optionalLong(root, "rejected_deposit_penalty", DEFAULT_REJECTED_DEPOSIT_PENALTY, 0));
            p.setDepositTimeoutBlocks(optionalLong(root, "deposit_timeout_blocks", DEFAULT_DEPOSIT_TIMEOUT_BLOCKS, 1));
            p.setBandwidthBytesPerNym(
                    optionalLong(root, "bandwidth_bytes_per_nym", DEFAULT_BANDWIDTH_BYTES_PER_NYM, 1));
            p.addAllIssuers(issuers);
            JsonNode coconut = root.get("coconut");
            if (coconut == null || !coconut.isObject()) {
                throw new LedgerException(Kind.BAD_GENESIS, "coconut {params} missing");
            }
            p.setCoconutParams(ByteString.copyFrom(coconutParams(base64(coconut, "params"))));
            JsonNode dkg = root.has("dkg") ? root.get("dkg") : JSON.createObjectNode();
            if (!dkg.isObject()) {
                throw new LedgerException(Kind.BAD_GENESIS, "dkg must be an object");
            }
            p.setDkgDealingBlocks(optionalLong(dkg, "dealing_blocks", DEFAULT_DKG_DEALING_BLOCKS, 1))
                    .setDkgComplaintBlocks(optionalLong(dkg, "complaint_blocks", DEFAULT_DKG_COMPLAINT_BLOCKS, 1))
                    .setDkgRotationBlocks(optionalLong(dkg, "rotation_blocks", DEFAULT_DKG_ROTATION_BLOCKS, 0));
            List<Long> values = new ArrayList<>();
            if (root.has("allowed_values")) {
                for (JsonNode v : array(root, "allowed_values")) {
                    long x = new BigInteger(v.asText()).longValueExact();
                    if (x <= 0 || values.contains(x)) {
                        throw new LedgerException(Kind.BAD_GENESIS, "allowed_values must be distinct positives");
                    }
                    values.add(x);
                }
            } else {
                values.addAll(DEFAULT_VALUES);
            }
            values.sort(Long::compare);
            p.addAllAllowedValues(values);
            Map<String, Long> balances = new LinkedHashMap<>();
            if (root.has("accounts")) {
                for (JsonNode n : array(root, "accounts")) {
                    byte[] a = Hex.parse(text(n, "address"), 20, "account address");
                    long bal = new BigInteger(text(n, "balance")).longValueExact();
                    if (bal < 0 || balances.put(Hex.lower(a), bal) != null) {
                        throw new LedgerException(Kind.BAD_GENESIS, "bad or duplicate account " + Hex.prefixed(a));
                    }
                }
            }
            if (root.has("stake")) {
                p.setStake(stake(root.get("stake")));
            }
            return new Genesis(p.build(), balances);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "bad number in genesis: " + e.getMessage());
        } catch (LedgerException e) {
            throw e.kind() == Kind.BAD_GENESIS ? e : new LedgerException(Kind.BAD_GENESIS, e.getMessage());
        }
    }

    /**
     * The {@code stake} object: epoch_seconds ≥ 1, min_bond ≥ 1, saturation_stake ≥ 1, unbonding_epochs,
     * reward_pool, epoch_reward_budget ≥ 0; score_threshold and penalty_permille in 0..1000; rejoin_after_epochs
     * ≥ 0; active_mixnodes and active_gateways ≥ 1; monitors distinct.
     */
    private static StakeParams stake(JsonNode n) {
        if (!n.isObject()) {
            throw new LedgerException(Kind.BAD_GENESIS, "stake must be an object");
        }
        StakeParams.Builder b = StakeParams.newBuilder()
                .setEpochSeconds(requiredLong(n, "epoch_seconds", 1))
                .setMinBond(requiredLong(n, "min_bond", 1))
                .setUnbondingEpochs(requiredLong(n, "unbonding_epochs", 0))
                .setRewardPool(requiredLong(n, "reward_pool", 0))
                .setEpochRewardBudget(requiredLong(n, "epoch_reward_budget", 0))
                .setSaturationStake(requiredLong(n, "saturation_stake", 1))
                .setScoreThreshold(requiredInt(n, "score_threshold", 0, 1000))
                .setPenaltyPermille(requiredInt(n, "penalty_permille", 0, 1000))
                .setRejoinAfterEpochs(requiredInt(n, "rejoin_after_epochs", 0, Integer.MAX_VALUE))
                .setActiveMixnodes(requiredInt(n, "active_mixnodes", 1, Integer.MAX_VALUE))
                .setActiveGateways(requiredInt(n, "active_gateways", 1, Integer.MAX_VALUE));
        addresses(n, "monitors").forEach(a -> b.addMonitors(ByteString.copyFrom(a)));
        return b.build();
    }

    private static long requiredLong(JsonNode root, String field, long min) {
        if (!root.has(field)) {
            throw new LedgerException(Kind.BAD_GENESIS, "stake." + field + " missing");
        }
        try {
            return optionalLong(root, field, 0, min);
        } catch (LedgerException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "stake." + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode root, String field, int min, int max) {
        JsonNode v = root.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw new LedgerException(
                    Kind.BAD_GENESIS, "stake." + field + " must be a number in " + min + ".." + max + ", got " + v);
        }
        return v.asInt();
    }

    private static List<byte[]> addresses(JsonNode root, String field) {
        List<byte[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode n : array(root, field)) {
            byte[] a = identity(n.asText(), field);
            if (!seen.add(Hex.lower(a))) {
                throw new LedgerException(Kind.BAD_GENESIS, "duplicate in " + field + ": " + Hex.prefixed(a));
            }
            out.add(a);
        }
        return out;
    }

    /**
     * An authority's identity: its Ethereum address (20 bytes hex) or its secp256k1 public key (33 or 65 bytes hex),
     * from which the address is derived.
     */
    private static byte[] identity(String hex, String field) {
        byte[] b = Hex.parse(hex);
        if (b.length == 20) {
            return b;
        }
        if (b.length == 33 || b.length == 65) {
            return nym.ledger.tx.Secp256k1.addressOfPublicKey(b);
        }
        throw new LedgerException(
                Kind.BAD_GENESIS,
                field + ": expected a 20-byte address or a 33/65-byte secp256k1" + " public key, got " + b.length
                        + " bytes");
    }

    private static byte[] dkgKey(String hex) {
        try {
            return DkgPublicKey.fromHex(hex).toBytes();
        } catch (CoconutException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "issuers: bad dkg_key: " + e.getMessage());
        }
    }

    private static byte[] coconutParams(byte[] bytes) {
        try {
            return Parameters.fromBytes(bytes).toBytes();
        } catch (CoconutException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "coconut params do not parse: " + e.getMessage());
        }
    }

    private static int threshold(JsonNode root, String field, int members) {
        JsonNode n = root.get(field);
        if (n == null || !n.canConvertToInt()) {
            throw new LedgerException(Kind.BAD_GENESIS, field + " missing");
        }
        int t = n.asInt();
        if (t < 1 || t > members) {
            throw new LedgerException(Kind.BAD_GENESIS, field + " must be in 1.." + members + ", got " + t);
        }
        return t;
    }

    /** An optional integer field (a JSON number or a decimal string) of at least {@code min}. */
    private static long optionalLong(JsonNode root, String field, long fallback, long min) {
        if (!root.has(field)) {
            return fallback;
        }
        JsonNode n = root.get(field);
        String notAnInteger = field + " must be an integer in " + min + ".." + Long.MAX_VALUE + ", got " + n;
        if (!n.isTextual() && !n.isIntegralNumber()) {
            throw new LedgerException(Kind.BAD_GENESIS, notAnInteger);
        }
        long v;
        try {
            v = new BigInteger(n.asText()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new LedgerException(Kind.BAD_GENESIS, notAnInteger);
        }
        if (v < min) {
            throw new LedgerException(Kind.BAD_GENESIS, field + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    private static ArrayNode array(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isArray()) {
            throw new LedgerException(Kind.BAD_GENESIS, field + " must be an array");
        }
        return (ArrayNode) n;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !(n.isTextual() || n.isNumber())) {
            throw new LedgerException(Kind.BAD_GENESIS, field + " missing");
        }
        return n.asText();
    }

    private static byte[] base64(JsonNode root, String field) {
        try {
            return Base64.getDecoder().decode(text(root, field));
        } catch (IllegalArgumentException e) {
            throw new LedgerException(Kind.BAD_GENESIS, field + " is not base64");
        }
    }

    /** Renders params as JSON (the /params and /registry queries). */
    public static ObjectNode paramsJson(Params p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("chain_id", p.getChainId());
        o.put("watcher_threshold", p.getWatcherThreshold());
        o.put("issuer_threshold", p.getIssuerThreshold());
        o.put("verifier_threshold", p.getVerifierThreshold());
        o.put("verifier_reject_threshold", p.getVerifierRejectThreshold());
        o.put("pipe_account", Hex.prefixed(p.getPipeAccount().toByteArray()));
        ArrayNode values = o.putArray("allowed_values");
        p.getAllowedValuesList().forEach(values::add);
        o.put("rejected_deposit_penalty", Long.toString(p.getRejectedDepositPenalty()));
        o.put("deposit_timeout_blocks", p.getDepositTimeoutBlocks());
        o.put("bandwidth_bytes_per_nym", Long.toString(p.getBandwidthBytesPerNym()));
        o.putObject("coconut")
                .put(
                        "params",
                        Base64.getEncoder().encodeToString(p.getCoconutParams().toByteArray()));
        o.putObject("dkg")
                .put("dealing_blocks", p.getDkgDealingBlocks())
                .put("complaint_blocks", p.getDkgComplaintBlocks())
                .put("rotation_blocks", p.getDkgRotationBlocks());
        if (p.hasStake()) {
            StakeParams sp = p.getStake();
            ObjectNode st = o.putObject("stake").put("epoch_seconds", Long.toString(sp.getEpochSeconds()));
            ArrayNode monitors = st.putArray("monitors");
            sp.getMonitorsList().forEach(a -> monitors.add(Hex.prefixed(a.toByteArray())));
            st.put("min_bond", Long.toString(sp.getMinBond()))
                    .put("unbonding_epochs", Long.toString(sp.getUnbondingEpochs()))
                    .put("reward_pool", Long.toString(sp.getRewardPool()))
                    .put("epoch_reward_budget", Long.toString(sp.getEpochRewardBudget()))
                    .put("saturation_stake", Long.toString(sp.getSaturationStake()))
                    .put("score_threshold", sp.getScoreThreshold())
                    .put("penalty_permille", sp.getPenaltyPermille())
                    .put("rejoin_after_epochs", sp.getRejoinAfterEpochs())
                    .put("active_mixnodes", sp.getActiveMixnodes())
                    .put("active_gateways", sp.getActiveGateways());
        } else {
            o.putNull("stake");
        }
        return o;
    }

    public static ObjectNode registryJson(Params p) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode w = o.putArray("watchers");
        p.getWatchersList().forEach(a -> w.add(Hex.prefixed(a.toByteArray())));
        ArrayNode is = o.putArray("issuers");
        for (int index = 1; index <= p.getIssuersCount(); index++) {
            Issuer i = p.getIssuers(index - 1);
            is.addObject()
                    .put("index", index)
                    .put("address", Hex.prefixed(i.getAddress().toByteArray()))
                    .put("dkg_key", Hex.lower(i.getDkgKey().toByteArray()));
        }
        ArrayNode v = o.putArray("verifiers");
        p.getVerifiersList().forEach(a -> v.add(Hex.prefixed(a.toByteArray())));
        ArrayNode sp = o.putArray("providers");
        p.getProvidersList().forEach(a -> sp.add(Hex.prefixed(a.toByteArray())));
        o.put("watcher_threshold", p.getWatcherThreshold());
        o.put("issuer_threshold", p.getIssuerThreshold());
        o.put("verifier_threshold", p.getVerifierThreshold());
        o.put("verifier_reject_threshold", p.getVerifierRejectThreshold());
        return o;
    }
}
