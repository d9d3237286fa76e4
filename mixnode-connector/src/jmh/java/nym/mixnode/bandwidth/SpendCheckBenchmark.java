package nym.mixnode.bandwidth;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.Token;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.KeyPair;
import nym.coconut.setup.Parameters;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.sphinx.Destination;
import nym.sphinx.NodeKeyPair;
import nym.sphinx.PacketBuilder;
import nym.sphinx.ProcessResult;
import nym.sphinx.RouteHop;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SphinxProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a gateway's local check of a spend costs ({@code spendCheck}: parse Θ, then VerifyCredential with the key
 * epoch's prepared group key, as {@link SpendDesk} does before asking the ledger about ζ) beside one Sphinx hop
 * ({@code sphinxHop}: {@link SphinxProcessor} processing a forward packet, no replay filter), one thread, in one run.
 * The credential is issued blindly by one authority (the check is the same for an aggregated one) and shown once for a
 * 20-byte binding and a 32-byte nonce; verifying it again and again is what a gateway does with every fresh one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(1)
public class SpendCheckBenchmark {

    private Parameters params;
    private PreparedVerificationKey key;
    private byte[] theta;
    private List<BigInteger> value;
    private byte[] binding;
    private byte[] nonce;
    private SphinxProcessor processor;
    private byte[] packet;

    @Setup(Level.Trial)
    public void setUp() throws CoconutException, SphinxException {
        RandomSource rng = RandomSource.deterministic(1);
        params = nym.coconut.setup.Setup.setup(3); // JMH has a @Setup of its own
        KeyPair issuer = KeyGen.keygen(params, rng);
        value = Token.publicAttributes(5);
        Attributes token = Token.newToken(5, rng);
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
        Signature sigma = Issuance.unblind(
                Issuance.blindSign(
                        params,
                        issuer.secretKey(),
                        elGamal.publicKey(),
                        Issuance.prepareBlindSign(params, elGamal.publicKey(), token, rng),
                        value),
                elGamal);
        binding = new byte[20];
        nonce = new byte[32];
        theta = Showing.proveCredential(params, issuer.verificationKey(), sigma, token, binding, nonce, rng)
                .toBytes();
        key = PreparedVerificationKey.prepare(params, issuer.verificationKey(), Token.PRIVATE_ATTRIBUTES);
        spendCheck(); // a showing that does not verify would measure a refusal

        SecureRandom random = new SecureRandom();
        NodeKeyPair hop = NodeKeyPair.generate(random);
        NodeKeyPair next = NodeKeyPair.generate(random);
        processor = new SphinxProcessor(SphinxParams.DEFAULT, hop);
        packet = new PacketBuilder(SphinxParams.DEFAULT, random)
                .build(
                        List.of(new RouteHop(hop.publicKey(), 1_000), new RouteHop(next.publicKey(), 0)),
                        Destination.of(next.address()),
                        new byte[] {1})
                .bytes();
    }

    @Benchmark
    public Theta spendCheck() throws CoconutException {
        Theta shown = Theta.fromBytes(theta);
        Showing.verifyCredential(params, key, shown, value, binding, nonce);
        return shown;
    }

    @Benchmark
    public ProcessResult sphinxHop() throws SphinxException {
        return processor.process(packet);
    }
}
