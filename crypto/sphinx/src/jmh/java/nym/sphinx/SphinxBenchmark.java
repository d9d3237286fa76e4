package nym.sphinx;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sphinx costs next to their baseline, in one run: per-hop processing against the two X25519 scalar multiplications
 * a forwarding hop must do (shared secret and blinding of α), with Bouncy Castle's and the JDK's X25519.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SphinxBenchmark {

    private PacketBuilder builder;
    private List<RouteHop> route;
    private Destination destination;
    private byte[] message;
    private SphinxProcessor firstHop;
    private SphinxProcessor lastHop;
    private byte[] packet;
    private byte[] packetAtLastHop;
    private NodeAddress self;

    private byte[] scalar;
    private byte[] blinding;
    private byte[] point;
    private byte[] out;

    private KeyAgreement jdkAgreement;
    private KeyPair jdkMine;
    private KeyPair jdkPeer;
    private byte[] jdkOut;

    private Lioness lioness;
    private LionessChaChaBlake2b lionessBc;
    private byte[] lionessKey;
    private byte[] payload;

    private SecureRandom sealRandom;
    private EncryptionKeyPair recipient;
    private byte[] sealed;

    @Setup
    public void setup() throws Exception {
        SecureRandom random = new SecureRandom();
        List<NodeKeyPair> nodes = new ArrayList<>();
        route = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            NodeKeyPair kp = NodeKeyPair.generate(random);
            nodes.add(kp);
            route.add(new RouteHop(kp.publicKey(), 1_000_000L * (i + 1)));
        }
        self = NodeAddress.of(new byte[SphinxSizes.ADDRESS]);
        destination = Destination.of(self);
        message = new byte[1000];
        random.nextBytes(message);
        builder = new PacketBuilder(SphinxParams.DEFAULT, random);
        packet = builder.build(route, destination, message).bytes();
        firstHop = new SphinxProcessor(SphinxParams.DEFAULT, nodes.get(0));
        lastHop = new SphinxProcessor(SphinxParams.DEFAULT, nodes.get(2));
        byte[] p = packet;
        for (int i = 0; i < 2; i++) {
            p = ((ProcessResult.Forward) new SphinxProcessor(SphinxParams.DEFAULT, nodes.get(i)).process(p)).packet();
        }
        packetAtLastHop = p;

        scalar = new byte[32];
        blinding = new byte[32];
        random.nextBytes(scalar);
        random.nextBytes(blinding);
        point = nodes.get(1).publicKey().toBytes();
        out = new byte[32];

        KeyPairGenerator kpg = KeyPairGenerator.getInstance("X25519");
        jdkMine = kpg.generateKeyPair();
        jdkPeer = kpg.generateKeyPair();
        jdkAgreement = KeyAgreement.getInstance("X25519");
        jdkOut = new byte[32];

        lioness = new Lioness();
        lionessBc = new LionessChaChaBlake2b();
        lionessKey = new byte[SphinxSizes.LIONESS_KEY];
        random.nextBytes(lionessKey);
        payload = new byte[SphinxParams.DEFAULT.payloadSize()];
        random.nextBytes(payload);

        sealRandom = random;
        recipient = EncryptionKeyPair.generate(random);
        sealed = SealedPayload.seal(SphinxParams.DEFAULT, recipient.publicKey(), message, random);
    }

    /** Sender: a 3-hop packet with a 1000-byte message. */
    @Benchmark
    public SphinxPacket createPacket3Hops() throws SphinxException {
        return builder.build(route, destination, message);
    }

    /** Sender: a 3-hop SURB. */
    @Benchmark
    public SurbPair createSurb3Hops() throws SphinxException {
        return builder.createSurb(route, self);
    }

    /** Mix node: one forwarding hop (2 scalar multiplications, HKDF, MAC, β, Lioness over 2048 bytes). */
    @Benchmark
    public ProcessResult processForwardHop() throws SphinxException {
        return firstHop.process(packet);
    }

    /** Final hop: one scalar multiplication (no blinding), the last Lioness layer; no check, no unpadding. */
    @Benchmark
    public ProcessResult processFinalHop() throws SphinxException {
        return lastHop.process(packetAtLastHop);
    }

    /** Sender: seal a 1000-byte message to a recipient's key (2 X25519, HKDF, ChaCha20-Poly1305 over 2000 bytes). */
    @Benchmark
    public byte[] sealPayload() throws SphinxException {
        return SealedPayload.seal(SphinxParams.DEFAULT, recipient.publicKey(), message, sealRandom);
    }

    /** Recipient: open a sealed payload (1 X25519, HKDF, ChaCha20-Poly1305, unpadding). */
    @Benchmark
    public byte[] openSealedPayload() throws SphinxException {
        return SealedPayload.open(SphinxParams.DEFAULT, recipient, sealed);
    }

    /** Baseline: one Bouncy Castle X25519 scalar multiplication. */
    @Benchmark
    public byte[] x25519Bc() {
        X25519.scalarMult(scalar, 0, point, 0, out, 0);
        return out;
    }

    /** Baseline: the two Bouncy Castle X25519 scalar multiplications of a forwarding hop. */
    @Benchmark
    public byte[] x25519BcTwice() {
        X25519.scalarMult(scalar, 0, point, 0, out, 0);
        X25519.scalarMult(blinding, 0, point, 0, out, 0);
        return out;
    }

    /** Baseline: one JDK X25519 (SunEC, via KeyAgreement with ready key objects). */
    @Benchmark
    public byte[] x25519Jdk() throws Exception {
        jdkAgreement.init(jdkMine.getPrivate());
        jdkAgreement.doPhase(jdkPeer.getPublic(), true);
        jdkAgreement.generateSecret(jdkOut, 0);
        return jdkOut;
    }

    /** Lioness as used (JDK AES-256-CTR + HMAC-SHA256), 2048 bytes. */
    @Benchmark
    public byte[] lionessJdkAesHmac() {
        lioness.decrypt(lionessKey, 0, payload, 0, payload.length);
        return payload;
    }

    /** Lioness from Bouncy Castle ChaCha20 + BLAKE2b (the alternative), 2048 bytes. */
    @Benchmark
    public byte[] lionessBcChaChaBlake2b() {
        lionessBc.decrypt(lionessKey, payload);
        return payload;
    }
}
