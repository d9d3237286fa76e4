package nym.coconut.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.dkg.Complaint;
import nym.coconut.dkg.Dealing;
import nym.coconut.dkg.DealingContext;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.dkg.DkgPublicKey;
import nym.coconut.dkg.DkgResult;
import nym.coconut.keygen.SecretKey;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The DKG at the network's shape (q = 3, t = 2, n = 3), single-threaded: what a dealer, a recipient, the ledger judging
 * a complaint and the ledger completing a key epoch each pay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DkgBenchmark {
    private static final int T = 2;
    private static final int N = 3;

    private final RandomSource rng = RandomSource.secure();
    private Parameters params;
    private final List<DkgKeyPair> keys = new ArrayList<>();
    private final List<DkgPublicKey> publicKeys = new ArrayList<>();
    private final SortedMap<Integer, Dealing> dealings = new TreeMap<>();
    private byte[] dealingBytes;
    private Complaint unjustified;

    private static DealingContext context(int dealer) {
        return new DealingContext("nym-bench", 1, dealer);
    }

    @org.openjdk.jmh.annotations.Setup
    public void setUp() throws CoconutException {
        params = Setup.setup(3);
        for (int i = 0; i < N; i++) {
            DkgKeyPair key = DkgKeyPair.generate(rng);
            keys.add(key);
            publicKeys.add(key.publicKey());
        }
        for (int j = 1; j <= N; j++) {
            dealings.put(j, Dealing.deal(params, T, publicKeys, context(j), rng));
        }
        dealingBytes = dealings.get(1).toBytes();
        unjustified = Complaint.against(dealings.get(1), 2, keys.get(1), context(1), rng);
    }

    /** A dealer's work: q + 1 polynomials, (q + 1)·t G2 commitments, n encryptions. */
    @Benchmark
    public Dealing deal() throws CoconutException {
        return Dealing.deal(params, T, publicKeys, context(1), rng);
    }

    /** What the ledger does with each dealing transaction: parse and check every point. */
    @Benchmark
    public Dealing dealingFromBytes() throws CoconutException {
        return Dealing.fromBytes(dealingBytes, params, T, N);
    }

    /** A recipient's work per dealing: decrypt and check the share vector against the commitments. */
    @Benchmark
    public SecretKey openShare() throws CoconutException {
        return dealings.get(1).openShare(2, keys.get(1), context(1));
    }

    /** The ledger judging a false complaint: the proof, then the same opening and check as the recipient's. */
    @Benchmark
    public Complaint.Verdict judgeComplaint() {
        return unjustified.judge(dealings.get(1), publicKeys.get(1), context(1));
    }

    /** The ledger completing a key epoch with three qualified dealings: vk and every vk_i. */
    @Benchmark
    public DkgResult combine() throws CoconutException {
        return DkgResult.combine(dealings);
    }
}
