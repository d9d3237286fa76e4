package nym.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import nym.coconut.RandomSource;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.setup.Parameters;
import nym.ledger.comet.GenesisDoc;
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
                .append("\",\"balance\":\"1000\"}]}");
        return sb.toString();
    }

    public byte[] genesis() {
        return genesisJson().getBytes(StandardCharsets.UTF_8);
    }

    /** A canonical ζ: (1000 + i)·G. */
    public static byte[] zeta(int i) {
        return Zeta.multipleOfGenerator(BigInteger.valueOf(1000L + i));
    }
}
