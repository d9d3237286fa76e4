package nym.ledger.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.setup.Parameters;
import nym.ledger.Hex;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;

/**
 * Runs the development issuers' DKG on a chain with a {@link GenesisDoc#development} genesis, through one node's RPC:
 * every development issuer that has not dealt in the latest key epoch deals (with its {@link GenesisDoc#devDkgKey}
 * and account {@link GenesisDoc#devIssuer}), then the key epoch is awaited until completed. On a development chain
 * nobody else deals and nobody complains, so this is what makes credential requests possible there (until then they
 * are refused with NO_ISSUING_KEY). The development keys are public: never on a real network.
 */
public final class DevKeyEpoch {
    private static final Duration POLL = Duration.ofMillis(200);

    private DevKeyEpoch() {}

    /** Deals for every development issuer and waits until a key epoch completed; returns {@code /dkg/completed}. */
    public static JsonNode complete(CometRpc rpc, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode completed = completedOrNull(rpc);
        if (completed != null) {
            return completed;
        }
        String chainId =
                rpc.result("status", null).path("node_info").path("network").asText();
        JsonNode epoch = awaitDealing(rpc, deadline);
        dealAll(rpc, chainId, epoch);
        while (System.nanoTime() < deadline) {
            completed = completedOrNull(rpc);
            if (completed != null) {
                return completed;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new LedgerException(Kind.UNAVAILABLE, "no key epoch completed within " + timeout);
    }

    private static JsonNode awaitDealing(CometRpc rpc, long deadline) throws InterruptedException {
        while (true) {
            JsonNode epoch = queryOrNull(rpc, "/dkg");
            if (epoch != null && epoch.path("phase").asText().equals("dealing")) {
                return epoch;
            }
            if (System.nanoTime() > deadline) {
                throw new LedgerException(Kind.UNAVAILABLE, "no key epoch in its dealing phase: " + epoch);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void dealAll(CometRpc rpc, String chainId, JsonNode epoch) {
        long keyEpoch = epoch.get("key_epoch").asLong();
        int threshold = epoch.get("threshold").asInt();
        Parameters params;
        List<DkgPublicKey> recipients = new ArrayList<>();
        try {
            params = Parameters.fromBytes(Base64.getDecoder()
                    .decode(rpc.query("/params", "")
                            .path("coconut")
                            .path("params")
                            .asText()));
            for (JsonNode issuer : epoch.get("issuers")) {
                recipients.add(DkgPublicKey.fromHex(issuer.get("dkg_key").asText()));
            }
        } catch (CoconutException e) {
            throw new LedgerException(Kind.BAD_GENESIS, "the chain's DKG set-up does not parse: " + e.getMessage());
        }
        List<Integer> dealt = new ArrayList<>();
        epoch.get("dealers").forEach(d -> dealt.add(d.asInt()));
        TxBuilder tx = new TxBuilder(chainId);
        for (JsonNode issuer : epoch.get("issuers")) {
            int index = issuer.get("index").asInt();
            KeyPair account = GenesisDoc.devIssuer(index);
            if (dealt.contains(index) || !issuer.get("address").asText().equals(Hex.prefixed(account.address()))) {
                continue; // dealt already, or not a development issuer
            }
            byte[] dealing;
            try {
                dealing = Dealing.deal(
                                params,
                                threshold,
                                recipients,
                                new DealingContext(chainId, keyEpoch, index),
                                RandomSource.secure())
                        .toBytes();
            } catch (CoconutException e) {
                throw new LedgerException(Kind.INVALID_ARGUMENT, "dealing failed: " + e.getMessage());
            }
            long nonce = rpc.query("/account", Hex.lower(account.address()))
                    .get("nonce")
                    .asLong();
            ObjectNode p = CometRpc.params();
            p.put("tx", Base64.getEncoder().encodeToString(tx.dkgDealing(account, nonce, keyEpoch, dealing)));
            JsonNode sent = rpc.result("broadcast_tx_sync", p);
            if (sent.path("code").asInt() != 0) {
                throw new LedgerException(
                        Kind.UNAVAILABLE,
                        "dealing of issuer " + index + " refused: "
                                + sent.path("log").asText());
            }
        }
    }

    private static JsonNode completedOrNull(CometRpc rpc) {
        return queryOrNull(rpc, "/dkg/completed");
    }

    /** The query's JSON, or null when the ledger answers with a refusal code (no such key epoch yet). */
    private static JsonNode queryOrNull(CometRpc rpc, String path) {
        try {
            return rpc.query(path, "");
        } catch (LedgerException e) {
            if (e.kind() == Kind.BAD_QUERY) {
                return null;
            }
            throw e;
        }
    }
}
