package nym.sphinx;

import static nym.sphinx.SphinxSizes.*;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * Builds packets and SURBs (sender side). For a route of n hops with public keys y_i the sender picks x, sends
 * α₀ = x·G and derives s_i = b_{i-1}·…·b_0·x·y_i and α_i = b_{i-1}·…·b_0·x·G, where b_j is hop j's blinding factor
 * (every node blinds α on the way, α_{i+1} = b_i·α_i, so hop i computes the same s_i = x_i·α_i); hop i's keys, b_i
 * among them, come from (α_i, s_i). β is built from the last hop backwards, with the filler φ making each hop see a β
 * of the same length; δ is wrapped in one Lioness layer per hop. The final hop's routing information carries a
 * 16-byte identifier: random for a message, the SURB id for a reply.
 *
 * <p>Not thread-safe (it reuses JCA objects and buffers): one per thread.
 */
public final class PacketBuilder {

    private final SphinxParams params;
    private final SecureRandom random;
    private final HopCrypto crypto = new HopCrypto();

    public PacketBuilder(SphinxParams params, SecureRandom random) {
        this.params = Objects.requireNonNull(params, "params");
        this.random = Objects.requireNonNull(random, "random");
    }

    public SphinxParams params() {
        return params;
    }

    /**
     * A packet carrying {@code message} along {@code route} to {@code destination}.
     *
     * @throws SphinxException {@link SphinxException.Kind#INVALID_ROUTE} for 0 or more than {@value SphinxSizes#MAX_HOPS}
     *     hops, {@link SphinxException.Kind#MESSAGE_TOO_LONG} when the message does not fit
     */
    public SphinxPacket build(List<RouteHop> route, Destination destination, byte[] message) throws SphinxException {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(message, "message");
        byte[] packet = new byte[params.packetSize()];
        Payloads.padInto(message, packet, PAYLOAD_OFFSET + PAYLOAD_ZERO_PREFIX, params.bodySize());
        return wrap(route, destination, packet);
    }

    /**
     * A packet whose innermost payload is {@code payload} itself, exactly {@link SphinxParams#payloadSize()} bytes, with
     * no zero prefix and no padding added: for a payload that is already fixed-size and integrity-protected, such as
     * {@link SealedPayload#seal}, so the final hop sees nothing but ciphertext. The recipient opens it ({@link
     * SealedPayload#open}).
     *
     * @throws SphinxException {@link SphinxException.Kind#INVALID_ROUTE} for 0 or more than {@value
     *     SphinxSizes#MAX_HOPS} hops, {@link SphinxException.Kind#MALFORMED} for a payload of another length
     */
    public SphinxPacket buildSealed(List<RouteHop> route, Destination destination, byte[] payload)
            throws SphinxException {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        if (payload.length != params.payloadSize()) {
            throw new SphinxException(
                    SphinxException.Kind.MALFORMED,
                    "a sealed payload has the network's payload size " + params.payloadSize() + ", got "
                            + payload.length);
        }
        byte[] packet = new byte[params.packetSize()];
        System.arraycopy(payload, 0, packet, PAYLOAD_OFFSET, payload.length);
        return wrap(route, destination, packet);
    }

    /** Writes the header for a random identifier into {@code packet} and one Lioness layer per hop over its payload. */
    private SphinxPacket wrap(List<RouteHop> route, Destination destination, byte[] packet) throws SphinxException {
        byte[][] keys = header(route, destination.address(), SurbId.random(random), packet);
        int payloadSize = params.payloadSize();
        for (int i = keys.length - 1; i >= 0; i--) {
            crypto.lioness.encrypt(keys[i], HopCrypto.PAYLOAD_KEY, packet, PAYLOAD_OFFSET, payloadSize);
            Arrays.fill(keys[i], (byte) 0);
        }
        return new SphinxPacket(route.get(0).address(), packet);
    }

    /**
     * A single-use reply block: whoever holds {@link SurbPair#surb()} can send one message along {@code route} to
     * {@code self} without learning the route; {@link SurbPair#secret()} stays with the creator to open the reply.
     */
    public SurbPair createSurb(List<RouteHop> route, NodeAddress self) throws SphinxException {
        Objects.requireNonNull(self, "self");
        SurbId id = SurbId.random(random);
        byte[] header = new byte[HEADER];
        byte[][] keys = header(route, self, id, header);
        byte[] replyKey = new byte[LIONESS_KEY];
        random.nextBytes(replyKey);
        byte[][] payloadKeys = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            payloadKeys[i] = Arrays.copyOfRange(keys[i], HopCrypto.PAYLOAD_KEY, HopCrypto.PAYLOAD_KEY + LIONESS_KEY);
            Arrays.fill(keys[i], (byte) 0);
        }
        Surb surb = new Surb(params, route.get(0).address(), header, replyKey);
        return new SurbPair(surb, new SurbSecret(params, id, replyKey.clone(), payloadKeys));
    }

    /**
     * Writes α | β | γ into {@code out[0, HEADER)} and returns the hop keys (one block per hop).
     */
    private byte[][] header(List<RouteHop> route, NodeAddress destination, SurbId identifier, byte[] out)
            throws SphinxException {
        Objects.requireNonNull(route, "route");
        int n = route.size();
        if (n < 1 || n > MAX_HOPS) {
            throw new SphinxException(
                    SphinxException.Kind.INVALID_ROUTE, "a route has 1 to " + MAX_HOPS + " hops, this one has " + n);
        }
        for (RouteHop hop : route) {
            Objects.requireNonNull(hop, "route hop");
        }

        byte[][] keys = new byte[n][HopCrypto.KEYS];
        while (!sharedSecrets(route, keys, out)) {
            // probability about 2^-126 per hop: start over with a fresh x
        }

        // filler φ: what hops 0..n-2 append to β, as seen by the last hop
        int fillerLength = (n - 1) * HOP_BLOCK;
        byte[] filler = new byte[fillerLength];
        byte[] stream = new byte[BETA_STREAM];
        for (int i = 0; i < n - 1; i++) {
            Arrays.fill(stream, (byte) 0);
            crypto.betaStream(keys[i], stream, 0, BETA_STREAM);
            int len = (i + 1) * HOP_BLOCK;
            for (int k = 0; k < len; k++) {
                filler[k] ^= stream[BETA_STREAM - len + k];
            }
        }

        // β of the last hop: final routing information, random padding, filler
        byte[] beta = new byte[BETA];
        byte[] gamma = new byte[GAMMA];
        writeRouting(beta, 0, FLAG_FINAL, destination, route.get(n - 1).delayNanos(), identifier);
        int encrypted = BETA - fillerLength;
        random.nextBytes(stream);
        System.arraycopy(stream, 0, beta, HOP_BLOCK, encrypted - HOP_BLOCK);
        crypto.betaStream(keys[n - 1], beta, 0, encrypted);
        System.arraycopy(filler, 0, beta, encrypted, fillerLength);
        crypto.gamma(keys[n - 1], beta, 0, gamma, 0);

        // β_i = (routing_i | γ_{i+1} | β_{i+1} without its last hop block) ⊕ ρ_i
        byte[] next = new byte[BETA];
        for (int i = n - 2; i >= 0; i--) {
            Arrays.fill(next, 0, ROUTING_INFO, (byte) 0);
            writeRouting(
                    next, 0, (byte) 0, route.get(i + 1).address(), route.get(i).delayNanos(), null);
            System.arraycopy(gamma, 0, next, ROUTING_INFO, GAMMA);
            System.arraycopy(beta, 0, next, HOP_BLOCK, BETA - HOP_BLOCK);
            crypto.betaStream(keys[i], next, 0, BETA);
            crypto.gamma(keys[i], next, 0, gamma, 0);
            byte[] t = beta;
            beta = next;
            next = t;
        }
        System.arraycopy(beta, 0, out, BETA_OFFSET, BETA);
        System.arraycopy(gamma, 0, out, GAMMA_OFFSET, GAMMA);
        return keys;
    }

    /**
     * Picks x, writes α₀ = x·G to {@code out} and derives every hop's keys from α_i = c_i·G and s_i = c_i·y_i with
     * c_i = x·b_0·…·b_{i-1}: one X25519 call and (after the first hop) one fixed-base multiplication per hop (the
     * product is kept modulo ℓ, see {@link Scalars}). False in the rare case the product has no clamp-stable encoding.
     */
    private boolean sharedSecrets(List<RouteHop> route, byte[][] keys, byte[] out) throws SphinxException {
        byte[] x = new byte[X25519_KEY];
        byte[] k = new byte[X25519_KEY];
        byte[] s = new byte[X25519_KEY];
        byte[] alpha = new byte[ALPHA];
        try {
            random.nextBytes(x);
            X25519.scalarMultBase(x, 0, out, ALPHA_OFFSET);
            System.arraycopy(out, ALPHA_OFFSET, alpha, 0, ALPHA);
            BigInteger c = Scalars.clamped(x, 0);
            for (int i = 0; i < route.size(); i++) {
                if (!Scalars.encodeClampable(c, k)) {
                    return false;
                }
                if (i > 0) {
                    X25519.scalarMultBase(k, 0, alpha, 0);
                }
                if (!HopCrypto.scalarMult(k, 0, route.get(i).node().raw(), 0, s, 0)) {
                    throw new SphinxException(
                            SphinxException.Kind.INVALID_ROUTE, "hop " + i + " has a low order public key");
                }
                crypto.deriveKeys(s, alpha, 0, keys[i]);
                c = Scalars.multiply(c, Scalars.clamped(keys[i], HopCrypto.BLINDING));
            }
            return true;
        } finally {
            Arrays.fill(x, (byte) 0);
            Arrays.fill(k, (byte) 0);
            Arrays.fill(s, (byte) 0);
        }
    }

    /**
     * The textbook way, for tests: s_i = X25519(b_{i-1}, … X25519(b_0, X25519(x, y_i))), i+1 calls for hop i, and α
     * blinded hop by hop as the nodes do, α_{i+1} = X25519(b_i, α_i).
     */
    static byte[][] sharedSecretsSequential(byte[] x, List<NodePublicKey> nodes, HopCrypto crypto) {
        byte[][] keys = new byte[nodes.size()][HopCrypto.KEYS];
        byte[][] secrets = new byte[nodes.size()][X25519_KEY];
        byte[] alpha = new byte[ALPHA];
        X25519.scalarMultBase(x, 0, alpha, 0);
        for (int i = 0; i < nodes.size(); i++) {
            X25519.scalarMult(x, 0, nodes.get(i).raw(), 0, secrets[i], 0);
            for (int j = 0; j < i; j++) {
                X25519.scalarMult(keys[j], HopCrypto.BLINDING, secrets[i], 0, secrets[i], 0);
            }
            crypto.deriveKeys(secrets[i], alpha, 0, keys[i]);
            X25519.scalarMult(keys[i], HopCrypto.BLINDING, alpha, 0, alpha, 0);
        }
        return secrets;
    }

    /** For tests: the fast path's shared secrets for a given x (null when no clamp-stable encoding exists). */
    static byte[][] sharedSecretsFast(byte[] x, List<NodePublicKey> nodes, HopCrypto crypto) {
        byte[][] keys = new byte[nodes.size()][HopCrypto.KEYS];
        byte[][] secrets = new byte[nodes.size()][X25519_KEY];
        byte[] k = new byte[X25519_KEY];
        byte[] alpha = new byte[ALPHA];
        BigInteger c = Scalars.clamped(x, 0);
        for (int i = 0; i < nodes.size(); i++) {
            if (!Scalars.encodeClampable(c, k)) {
                return null;
            }
            X25519.scalarMultBase(k, 0, alpha, 0);
            X25519.scalarMult(k, 0, nodes.get(i).raw(), 0, secrets[i], 0);
            crypto.deriveKeys(secrets[i], alpha, 0, keys[i]);
            c = Scalars.multiply(c, Scalars.clamped(keys[i], HopCrypto.BLINDING));
        }
        return secrets;
    }

    /** Routing information; {@code identifier} null for a forward hop (its identifier field stays zero). */
    private static void writeRouting(
            byte[] b, int off, byte flags, NodeAddress address, long delay, SurbId identifier) {
        b[off + RI_VERSION] = CURRENT_VERSION;
        b[off + RI_FLAGS] = flags;
        address.copyTo(b, off + RI_ADDRESS);
        SphinxProcessor.writeLong(b, off + RI_DELAY, delay);
        if (identifier != null) {
            identifier.copyTo(b, off + RI_IDENTIFIER);
        }
    }
}
