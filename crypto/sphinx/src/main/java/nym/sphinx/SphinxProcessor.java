package nym.sphinx;

import static nym.sphinx.SphinxSizes.*;

import java.util.Arrays;
import java.util.Objects;

/**
 * Processes packets at a mix node holding X25519 private key x. For a packet (α, β, γ, δ):
 *
 * <ol>
 *   <li>s = X25519(x, α) (α must be canonical, s non-zero); all hop keys from HKDF-SHA256(s);
 *   <li>γ must equal HMAC-SHA256_μ(β) truncated (constant-time compare);
 *   <li>β ‖ 0^HOP_BLOCK is decrypted with AES-128-CTR ρ: the first bytes are this hop's routing information, then the
 *       next γ, then the next β;
 *   <li>forward: α' = X25519(b, α) (blinding), δ' = Lioness⁻¹_π(δ); final: δ is decrypted, its zero prefix checked,
 *       its padding removed.
 * </ol>
 *
 * <p>Not thread-safe (it reuses JCA objects and buffers): give each worker thread its own; creating one is cheap.
 */
public final class SphinxProcessor {

    private final SphinxParams params;
    private final byte[] privateKey;
    private final HopCrypto crypto = new HopCrypto();
    private final byte[] secret = new byte[X25519_KEY];
    private final byte[] keys = new byte[HopCrypto.KEYS];
    private final byte[] stream = new byte[BETA_STREAM];

    public SphinxProcessor(SphinxParams params, NodeKeyPair keyPair) {
        this.params = Objects.requireNonNull(params, "params");
        this.privateKey = Objects.requireNonNull(keyPair, "keyPair").rawPrivateKey();
    }

    public SphinxParams params() {
        return params;
    }

    /**
     * Unwraps one layer of {@code packet} (not modified).
     *
     * @throws SphinxException for any packet that is malformed, tampered with or not meant for this node
     */
    public ProcessResult process(byte[] packet) throws SphinxException {
        Objects.requireNonNull(packet, "packet");
        if (packet.length != params.packetSize()) {
            throw new SphinxException(
                    SphinxException.Kind.MALFORMED,
                    "packet of " + packet.length + " bytes, this network's packets have " + params.packetSize());
        }
        if (!HopCrypto.isCanonical(packet, ALPHA_OFFSET)) {
            throw new SphinxException(SphinxException.Kind.INVALID_ALPHA, "α is not a canonical X25519 point");
        }
        if (!HopCrypto.scalarMult(privateKey, 0, packet, ALPHA_OFFSET, secret, 0)) {
            throw new SphinxException(SphinxException.Kind.INVALID_ALPHA, "α is a low order point");
        }
        crypto.deriveKeys(secret, keys);
        if (!crypto.gammaMatches(keys, packet, BETA_OFFSET, GAMMA_OFFSET)) {
            throw new SphinxException(SphinxException.Kind.MAC_MISMATCH, "γ does not authenticate β at this node");
        }
        ReplayTag tag =
                new ReplayTag(Arrays.copyOfRange(keys, HopCrypto.REPLAY_TAG, HopCrypto.REPLAY_TAG + REPLAY_TAG));

        System.arraycopy(packet, BETA_OFFSET, stream, 0, BETA);
        Arrays.fill(stream, BETA, BETA_STREAM, (byte) 0);
        crypto.betaStream(keys, stream, 0, BETA_STREAM);

        if (stream[RI_VERSION] != CURRENT_VERSION) {
            throw new SphinxException(
                    SphinxException.Kind.UNSUPPORTED_VERSION,
                    "routing information version " + (stream[RI_VERSION] & 0xff));
        }
        byte flags = stream[RI_FLAGS];
        long delay = readLong(stream, RI_DELAY);
        if (delay < 0) {
            throw new SphinxException(SphinxException.Kind.INVALID_ROUTING, "negative delay");
        }
        NodeAddress address = NodeAddress.copyOf(stream, RI_ADDRESS);
        int payloadSize = params.payloadSize();

        if (flags == 0) {
            byte[] out = new byte[packet.length];
            if (!HopCrypto.scalarMult(keys, HopCrypto.BLINDING, packet, ALPHA_OFFSET, out, ALPHA_OFFSET)) {
                throw new SphinxException(SphinxException.Kind.INVALID_ALPHA, "blinded α is a low order point");
            }
            System.arraycopy(stream, HOP_BLOCK, out, BETA_OFFSET, BETA);
            System.arraycopy(stream, ROUTING_INFO, out, GAMMA_OFFSET, GAMMA);
            System.arraycopy(packet, PAYLOAD_OFFSET, out, PAYLOAD_OFFSET, payloadSize);
            crypto.lioness.decrypt(keys, HopCrypto.PAYLOAD_KEY, out, PAYLOAD_OFFSET, payloadSize);
            return new ProcessResult.Forward(address, delay, out, tag);
        }
        if (flags != FLAG_FINAL && flags != (FLAG_FINAL | FLAG_REPLY)) {
            throw new SphinxException(SphinxException.Kind.INVALID_ROUTING, "unknown flags " + (flags & 0xff));
        }
        SurbId surbId = SurbId.copyOf(stream, RI_SURB_ID);
        byte[] payload = Arrays.copyOfRange(packet, PAYLOAD_OFFSET, PAYLOAD_OFFSET + payloadSize);
        crypto.lioness.decrypt(keys, HopCrypto.PAYLOAD_KEY, payload, 0, payloadSize);
        if ((flags & FLAG_REPLY) != 0) {
            return new ProcessResult.Final(address, surbId, true, payload, delay, tag);
        }
        int zero = 0;
        for (int i = 0; i < PAYLOAD_ZERO_PREFIX; i++) {
            zero |= payload[i];
        }
        if (zero != 0) {
            throw new SphinxException(SphinxException.Kind.PAYLOAD_CORRUPTED, "payload integrity check failed");
        }
        byte[] message = Payloads.unpad(payload, PAYLOAD_ZERO_PREFIX, payloadSize - PAYLOAD_ZERO_PREFIX);
        return new ProcessResult.Final(address, surbId, false, message, delay, tag);
    }

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    static void writeLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
