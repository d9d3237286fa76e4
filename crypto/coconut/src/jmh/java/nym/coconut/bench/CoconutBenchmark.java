package nym.coconut.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.Token;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.KeyPair;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.PreparedVerificationKey;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.Pairing;
import supranational.blst.Scalar;

/**
 * Every Coconut operation at the token's shape (q = 3: private [serial, secret], public [value]) and at q = 8
 * (7 private + 1 public), single-threaded, plus the "floor" of the main operations: the same number of raw blst
 * scalar multiplications, hashes and (multi-)pairings done directly through jblst, so the README can report the
 * ratio of each operation to its irreducible curve work measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoconutBenchmark {

    @Param({"token", "q8"})
    public String shape;

    private final RandomSource rng = RandomSource.secure();
    private final byte[] provider = "provider-1".getBytes(StandardCharsets.UTF_8);
    private final byte[] nonce = new byte[32];

    private Parameters params;
    private ThresholdKeys keys;
    private KeyPair single;
    private Attributes attributes;
    private List<BigInteger> publicAttributes;
    private List<BigInteger> allPublic;
    private ElGamalKeyPair elGamal;
    private BlindSignRequest request;
    private BlindedSignature blinded1;
    private BlindedSignature blinded2;
    private List<PartialSignature> twoShares;
    private List<PartialSignature> threeShares;
    private List<VerificationKeyShare> twoKeys;
    private List<VerificationKeyShare> threeKeys;
    private VerificationKey vk;
    private Signature sigma;
    private Signature plain;
    private Theta theta;
    private byte[] thetaBytes;
    private PreparedVerificationKey prepared;

    // Floors: raw blst inputs.
    private int p;
    private P1[] g1Bases;
    private P2[] g2Bases;
    private Scalar[] scalars;
    private P1 pairA;
    private P1 pairC;
    private P2 pairB;
    private P2 pairD;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() throws CoconutException {
        int q;
        List<SecretScalar> priv = new ArrayList<>();
        if (shape.equals("token")) {
            q = 3;
            attributes = Token.newToken(10, rng);
        } else {
            q = 8;
            for (int i = 0; i < 7; i++) {
                priv.add(SecretScalar.random(rng));
            }
            attributes = Attributes.of(priv, Token.publicAttributes(10));
        }
        p = attributes.privateCount();
        publicAttributes = attributes.publicAttributes();
        allPublic = new ArrayList<>();
        for (int j = 0; j < q; j++) {
            allPublic.add(BigInteger.valueOf(1000 + j));
        }
        params = Setup.setup(q);
        keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        single = KeyGen.keygen(params, rng);
        elGamal = ElGamalKeyPair.generate(params, rng);
        request = Issuance.prepareBlindSign(params, elGamal.publicKey(), attributes, rng);
        blinded1 =
                Issuance.blindSign(params, keys.issuer(1).secretKey(), elGamal.publicKey(), request, publicAttributes);
        blinded2 =
                Issuance.blindSign(params, keys.issuer(2).secretKey(), elGamal.publicKey(), request, publicAttributes);
        BlindedSignature blinded3 =
                Issuance.blindSign(params, keys.issuer(3).secretKey(), elGamal.publicKey(), request, publicAttributes);
        twoShares = List.of(
                new PartialSignature(1, Issuance.unblind(blinded1, elGamal)),
                new PartialSignature(2, Issuance.unblind(blinded2, elGamal)));
        threeShares = List.of(
                twoShares.get(0), twoShares.get(1), new PartialSignature(3, Issuance.unblind(blinded3, elGamal)));
        twoKeys = List.of(keys.issuer(1).verificationKeyShare(), keys.issuer(2).verificationKeyShare());
        threeKeys = List.of(twoKeys.get(0), twoKeys.get(1), keys.issuer(3).verificationKeyShare());
        vk = Aggregation.aggregateVerificationKeys(twoKeys);
        sigma = Aggregation.aggregateSignatures(twoShares);
        plain = Issuance.sign(params, single.secretKey(), allPublic);
        rng.nextBytes(nonce);
        theta = Showing.proveCredential(params, vk, sigma, attributes, provider, nonce, rng);
        thetaBytes = theta.toBytes();
        prepared = PreparedVerificationKey.prepare(params, vk, p);
        Showing.verifyCredential(params, prepared, theta, publicAttributes, provider, nonce);
        Showing.verifyCredential(params, vk, theta, publicAttributes, provider, nonce);

        int n = 8 * p + 8;
        g1Bases = new P1[n];
        g2Bases = new P2[n];
        scalars = new Scalar[n];
        for (int i = 0; i < n; i++) {
            byte[] s = new byte[32];
            rng.nextBytes(s);
            s[0] &= 0x3F;
            scalars[i] = new Scalar().from_bendian(s);
            g1Bases[i] = P1.generator().mult(scalars[i]);
            g2Bases[i] = P2.generator().mult(scalars[i]);
        }
        pairA = g1Bases[0];
        pairB = g2Bases[1];
        pairC = g1Bases[2].dup().neg();
        pairD = g2Bases[3];
    }

    // ---- Setup and key generation ----

    @Benchmark
    public Parameters setup() throws CoconutException {
        return Setup.setupUncached(params.maxAttributes());
    }

    @Benchmark
    public KeyPair keygen() {
        return KeyGen.keygen(params, rng);
    }

    @Benchmark
    public ThresholdKeys ttpKeyGen_2of3() throws CoconutException {
        return KeyGen.ttpKeyGen(params, 2, 3, rng);
    }

    // ---- Issuance ----

    @Benchmark
    public BlindSignRequest prepareBlindSign() throws CoconutException {
        return Issuance.prepareBlindSign(params, elGamal.publicKey(), attributes, rng);
    }

    @Benchmark
    public BlindedSignature blindSign() throws CoconutException {
        return Issuance.blindSign(params, keys.issuer(1).secretKey(), elGamal.publicKey(), request, publicAttributes);
    }

    @Benchmark
    public Signature unblind() {
        return Issuance.unblind(blinded1, elGamal);
    }

    @Benchmark
    public void verifyShare() throws CoconutException {
        SignatureVerification.verifyShare(
                params,
                keys.issuer(1).verificationKey(),
                attributes,
                twoShares.get(0).signature());
    }

    @Benchmark
    public void batchVerifyShares_3() throws CoconutException {
        SignatureVerification.batchVerifyShares(params, threeKeys, attributes, threeShares, rng);
    }

    @Benchmark
    public Signature aggregateSignatures_2() throws CoconutException {
        return Aggregation.aggregateSignatures(twoShares);
    }

    @Benchmark
    public VerificationKey aggregateVerificationKeys_2() throws CoconutException {
        return Aggregation.aggregateVerificationKeys(twoKeys);
    }

    /** The holder's side of issuance: prepareBlindSign + unblind of 2 shares + aggregation of 2. */
    @Benchmark
    public Signature holderIssuance_prepareUnblind2Aggregate2() throws CoconutException {
        BlindSignRequest r = Issuance.prepareBlindSign(params, elGamal.publicKey(), attributes, rng);
        Signature s1 = Issuance.unblind(blinded1, elGamal);
        Signature s2 = Issuance.unblind(blinded2, elGamal);
        Signature s =
                Aggregation.aggregateSignatures(List.of(new PartialSignature(1, s1), new PartialSignature(2, s2)));
        return r == null ? null : s;
    }

    /** The same, with each share checked against its vk_i before aggregation (what a careful holder does). */
    @Benchmark
    public Signature holderIssuance_withShareChecks() throws CoconutException {
        BlindSignRequest r = Issuance.prepareBlindSign(params, elGamal.publicKey(), attributes, rng);
        Signature s1 = Issuance.unblind(blinded1, elGamal);
        Signature s2 = Issuance.unblind(blinded2, elGamal);
        SignatureVerification.verifyShare(params, twoKeys.get(0).key(), attributes, s1);
        SignatureVerification.verifyShare(params, twoKeys.get(1).key(), attributes, s2);
        Signature s =
                Aggregation.aggregateSignatures(List.of(new PartialSignature(1, s1), new PartialSignature(2, s2)));
        return r == null ? null : s;
    }

    // ---- Showing ----

    @Benchmark
    public Signature randomize() {
        return Showing.randomize(sigma, rng);
    }

    @Benchmark
    public Theta proveCredential() throws CoconutException {
        return Showing.proveCredential(params, vk, sigma, attributes, provider, nonce, rng);
    }

    @Benchmark
    public void verifyCredential() throws CoconutException {
        Showing.verifyCredential(params, vk, theta, publicAttributes, provider, nonce);
    }

    /** verifyCredential with fixed-base tables for g2, β_j (private attributes) and g1. */
    @Benchmark
    public void verifyCredentialPrepared() throws CoconutException {
        Showing.verifyCredential(params, prepared, theta, publicAttributes, provider, nonce);
    }

    /** Building those tables (once per verification key). */
    @Benchmark
    public PreparedVerificationKey prepareVerificationKey() throws CoconutException {
        return PreparedVerificationKey.prepare(params, vk, p);
    }

    @Benchmark
    public Theta thetaFromBytes() throws CoconutException {
        return Theta.fromBytes(thetaBytes);
    }

    /** What a provider does with bytes off the wire: strict parse (subgroup checks) + verifyCredential. */
    @Benchmark
    public void verifyCredentialFromBytes() throws CoconutException {
        Showing.verifyCredential(params, vk, Theta.fromBytes(thetaBytes), publicAttributes, provider, nonce);
    }

    // ---- Plain signatures over q public attributes ----

    @Benchmark
    public Signature sign() throws CoconutException {
        return Issuance.sign(params, single.secretKey(), allPublic);
    }

    @Benchmark
    public void verify() throws CoconutException {
        SignatureVerification.verify(params, single.verificationKey(), allPublic, plain);
    }

    // ---- Floors: the irreducible curve work of each operation, straight through jblst ----

    private P1 g1Sum(int from, int count) {
        P1 acc = g1Bases[from].dup().mult(scalars[from]);
        for (int i = from + 1; i < from + count; i++) {
            acc.add(g1Bases[i].dup().mult(scalars[i]));
        }
        return acc;
    }

    private P2 g2Sum(int from, int count) {
        P2 acc = g2Bases[from].dup().mult(scalars[from]);
        for (int i = from + 1; i < from + count; i++) {
            acc.add(g2Bases[i].dup().mult(scalars[i]));
        }
        return acc;
    }

    private boolean multiPairing2() {
        Pairing ctx = new Pairing(true, "x");
        ctx.raw_aggregate(pairB.to_affine(), pairA.to_affine());
        ctx.raw_aggregate(pairD.to_affine(), pairC.to_affine());
        ctx.commit();
        return ctx.finalverify();
    }

    /**
     * verifyCredential's floor: the witness commitment (κα^-1)^c g2^{r_r} ∏ β_j^{r_{m_j}} (p + 2 G2 multiplications),
     * ν^c h'^{r_r} and ζ^c g1^{r_{m_0}} (4 G1 multiplications) and one 2-pair multi-pairing.
     */
    @Benchmark
    public void floor_verifyCredential(Blackhole bh) {
        bh.consume(g2Sum(0, p + 2));
        bh.consume(g1Sum(0, 2));
        bh.consume(g1Sum(2, 2));
        bh.consume(multiPairing2());
    }

    /** blindSign's floor: 8p + 3 G1 multiplications (π_s check: 6p + 2, signing: 2p + 1) and one hash to G1. */
    @Benchmark
    public void floor_blindSign(Blackhole bh) {
        bh.consume(new P1().hash_to(nonce, "x"));
        bh.consume(g1Sum(0, 8 * p + 3));
    }

    /**
     * The holder's issuance floor: prepareBlindSign's 8p + 2 G1 multiplications and one hash, 2 for unblinding,
     * 2 for aggregating.
     */
    @Benchmark
    public void floor_holderIssuance(Blackhole bh) {
        bh.consume(new P1().hash_to(nonce, "x"));
        bh.consume(g1Sum(0, 8 * p + 6));
    }

    /** proveCredential's floor: κ and its witness commitment (2(p + 1) G2 multiplications) and 6 G1 ones. */
    @Benchmark
    public void floor_proveCredential(Blackhole bh) {
        bh.consume(g2Sum(0, p + 1));
        bh.consume(g2Sum(p + 1, p + 1));
        bh.consume(g1Sum(0, 6));
    }
}
