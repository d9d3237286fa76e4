package nym.coconut.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.PT;
import supranational.blst.Pairing;
import supranational.blst.Scalar;

/** Raw blst costs through jblst, the baseline every Coconut number is compared with. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlstBenchmark {
    private P1 g1;
    private P2 g2;
    private P1_Affine a1;
    private P1_Affine negA1;
    private P2_Affine a2;
    private Scalar k;
    private PT miller;
    private byte[] g1Compressed;
    private byte[] g2Compressed;
    private final byte[] message = new byte[48];

    @Setup
    public void setUp() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        s[0] &= 0x3F;
        k = new Scalar().from_bendian(s);
        g1 = P1.generator().mult(k);
        g2 = P2.generator().mult(k);
        a1 = g1.to_affine();
        negA1 = g1.dup().neg().to_affine();
        a2 = g2.to_affine();
        miller = new PT(a1, a2);
        g1Compressed = g1.compress();
        g2Compressed = g2.compress();
    }

    @Benchmark
    public P1 g1ScalarMul() {
        return g1.dup().mult(k);
    }

    @Benchmark
    public P2 g2ScalarMul() {
        return g2.dup().mult(k);
    }

    @Benchmark
    public P1 g1Add() {
        return g1.dup().add(g1);
    }

    @Benchmark
    public P2 g2Add() {
        return g2.dup().add(g2);
    }

    @Benchmark
    public PT millerLoop() {
        return new PT(a1, a2);
    }

    @Benchmark
    public PT finalExp() {
        return miller.dup().final_exp();
    }

    /** One full pairing e(P, Q): Miller loop + final exponentiation. */
    @Benchmark
    public PT pairing() {
        return new PT(a1, a2).final_exp();
    }

    /** e(P, Q) · e(-P, Q) = 1 as one multi-Miller loop and one final exponentiation. */
    @Benchmark
    public boolean multiPairing2() {
        Pairing ctx = new Pairing(true, "x");
        ctx.raw_aggregate(a2, a1);
        ctx.raw_aggregate(a2, negA1);
        ctx.commit();
        return ctx.finalverify();
    }

    @Benchmark
    public P1 hashToG1() {
        return new P1().hash_to(message, "NYM-COCONUT-BENCH");
    }

    /** Decompression, on-curve and subgroup check of a G1 point. */
    @Benchmark
    public boolean g1DecompressAndSubgroupCheck() {
        return new P1_Affine(g1Compressed).in_group();
    }

    @Benchmark
    public boolean g2DecompressAndSubgroupCheck() {
        return new P2_Affine(g2Compressed).in_group();
    }
}
