package nym.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.dkg.Complaint;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.setup.Parameters;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.state.LedgerState;
import nym.ledger.state.Zeta;
import nym.ledger.tx.Secp256k1.KeyPair;
import nym.ledger.tx.TxBuilder;

/**
 * Keys, genesis and nonce bookkeeping shared by the tests: 3 watchers, 3 verifiers, 3 issuers, t = 2; two
 * registered service providers ({@link #provider}, {@link #otherProvider}).
 */
public final class TestNet {
    public static final String CHAIN = "nym-test";
    public static final Parameters PARAMS = GenesisDoc.devCoconutParams();
    public static final long DEALING_BLOCKS = 5;
    public static final long COMPLAINT_BLOCKS = 3;
    /** The genesis' dkg.rotation_blocks (0: no rotation). */
    public long rotationBlocks;
    /** The genesis' {@code stake} object as JSON text, or null for a chain without stake. */
    public String stake;
    /** Genesis balances besides alice's 1000. */
    public final Map<String, Long> balances = new java.util.LinkedHashMap<>();

    public final KeyPair alice = KeyPair.fromSeed("alice");
    public final KeyPair bob = KeyPair.fromSeed("bob");
    public final KeyPair provider = KeyPair.fromSeed("provider");
    public final KeyPair otherProvider = KeyPair.fromSeed("other-provider");
    public final KeyPair outsider = KeyPair.fromSeed("outsider");
    public final KeyPair[] watchers = {KeyPair.fromSeed("w1"), KeyPair.fromSeed("w2"), KeyPair.fromSeed("w3")};
    public final KeyPair[] verifiers = {KeyPair.fromSeed("v1"), KeyPair.fromSeed("v2"), KeyPair.fromSeed("v3")};
    public final KeyPair[] issuers = {KeyPair.fromSeed("i1"), KeyPair.fromSeed("i2"), KeyPair.fromSeed("i3")};
    public final DkgKeyPair[] dkgKeys = {
        DkgKeyPair.generate(RandomSource.deterministic(1)),
        DkgKeyPair.generate(RandomSource.deterministic(2)),
        DkgKeyPair.generate(RandomSource.deterministic(3))
    };
    public final KeyPair pipe = KeyPair.fromSeed("pipe");
    public final TxBuilder tx = new TxBuilder(CHAIN);
    private final Map<String, Long> nonces = new HashMap<>();

    /** The next nonce for a key (the caller promises the tx will succeed). */
    public long next(KeyPair k) {
        return nonces.merge(Hex.lower(k.address()), 1L, Long::sum) - 1;
    }

    public String genesisJson() {
        StringBuilder sb = new StringBuilder("{\"watcher_threshold\":2,\"issuer_threshold\":2,"
                + "\"verifier_threshold\":2,\"verifier_reject_threshold\":2,\"pipe_account\":\""
                + Hex.prefixed(pipe.address()) + "\",\"watchers\":[");
        for (int i = 0; i < 3; i++) {
            sb.append(i > 0 ? "," : "")
                    .append('"')
                    .append(Hex.prefixed(watchers[i].address()))
                    .append('"');
        }
        sb.append("],\"verifiers\":[");
        for (int i = 0; i < 3; i++) {
            sb.append(i > 0 ? "," : "")
                    .append('"')
                    .append(Hex.prefixed(verifiers[i].address()))
                    .append('"');
        }
        sb.append("],\"providers\":[\"")
                .append(Hex.prefixed(provider.address()))
                .append("\",\"")
                .append(Hex.prefixed(otherProvider.address()))
                .append("\"],\"issuers\":[");
        for (int i = 0; i < 3; i++) {
            sb.append(i > 0 ? "," : "")
                    .append("{\"address\":\"")
                    .append(Hex.prefixed(issuers[i].address()))
                    .append("\",\"dkg_key\":\"")
                    .append(dkgKeys[i].publicKey().toHex())
                    .append("\"}");
        }
        sb.append("],\"coconut\":{\"params\":\"")
                .append(Base64.getEncoder().encodeToString(PARAMS.toBytes()))
                .append("\"},\"dkg\":{\"dealing_blocks\":")
                .append(DEALING_BLOCKS)
                .append(",\"complaint_blocks\":")
                .append(COMPLAINT_BLOCKS)
                .append(",\"rotation_blocks\":")
                .append(rotationBlocks)
                .append("},")
                .append("\"accounts\":[{\"address\":\"")
                .append(Hex.prefixed(alice.address()))
                .append("\",\"balance\":\"1000\"}");
        balances.forEach((address, balance) -> sb.append(",{\"address\":\"")
                .append(address)
                .append("\",\"balance\":\"")
                .append(balance)
                .append("\"}"));
        sb.append(']');
        if (stake != null) {
            sb.append(",\"stake\":").append(stake);
        }
        return sb.append('}').toString();
    }

    public byte[] genesis() {
        return genesisJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The DKG recipients of this genesis: every issuer's DKG key, issuer 1 first. */
    public List<DkgPublicKey> recipients() {
        return Arrays.stream(dkgKeys).map(DkgKeyPair::publicKey).toList();
    }

    /** Issuer {@code dealer}'s dealing (t = 2, all three recipients) for {@code keyEpoch}, reproducible. */
    public Dealing dealing(int dealer, long keyEpoch) {
        try {
            return Dealing.deal(
                    PARAMS,
                    2,
                    recipients(),
                    new DealingContext(CHAIN, keyEpoch, dealer),
                    RandomSource.deterministic(1000 * keyEpoch + dealer));
        } catch (CoconutException e) {
            throw new AssertionError(e);
        }
    }

    /** Issuer {@code recipient}'s complaint against {@code dealer}'s {@code dealing} of {@code keyEpoch}. */
    public byte[] complaint(Dealing dealing, int dealer, int recipient, long keyEpoch) {
        return Complaint.against(
                        dealing,
                        recipient,
                        dkgKeys[recipient - 1],
                        new DealingContext(CHAIN, keyEpoch, dealer),
                        RandomSource.deterministic(7))
                .toBytes();
    }

    /** The dealing transaction of issuer {@code dealer} carrying {@code dealing}. */
    public byte[] dealingTx(int dealer, long keyEpoch, byte[] dealing) {
        KeyPair issuer = issuers[dealer - 1];
        return tx.dkgDealing(issuer, next(issuer), keyEpoch, dealing);
    }

    /**
     * Runs key epoch 1 to completion on a fresh {@code state}: one block with the three issuers' dealings, then empty
     * blocks until the complaint phase is over.
     */
    public void completeKeyEpoch(LedgerState state) {
        List<byte[]> txs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            txs.add(dealingTx(i, 1, dealing(i, 1).toBytes()));
        }
        state.finalizeBlock(state.height() + 1, 0, txs);
        state.commit();
        while (state.query("/dkg/completed", new byte[0]).code() != 0) {
            state.finalizeBlock(state.height() + 1, 0, List.of());
            state.commit();
        }
    }

    /** A canonical ζ: (1000 + i)·G. */
    public static byte[] zeta(int i) {
        return Zeta.multipleOfGenerator(BigInteger.valueOf(1000L + i));
    }
}
