package nym.sphinx;

import static nym.sphinx.SphinxSizes.*;

import java.util.Arrays;
import java.util.Objects;

/**
 * Processes packets at a mix node holding X25519 private key x. For a packet (α, β, γ, δ):
 *
 * <ol>
 *   <li>s = X25519(x, α) (α must be canonical, s non-zero); all hop keys from HKDF-SHA256(s, info bound to α);
 *   <li>γ must equal HMAC-SHA256_μ(β) truncated (constant-time compare); when it does not, γ is checked once more
 *       under the format-1 keys, only to report such a packet as {@link SphinxException.Kind#UNSUPPORTED_VERSION};
 *   <li>the replay tag τ goes to the caller's {@link ReplayGuard}: a tag seen before ends the work here
 *       ({@link SphinxException.Kind#REPLAY}), so a replay costs no β stream, blinding or Lioness;
 *   <li>β ‖ 0^HOP_BLOCK is decrypted with AES-128-CTR ρ: the first bytes are this hop's routing information, then the
 *       next γ, then the next β;
 *   <li>forward: α' = X25519(b, α) (blinding), δ' = Lioness⁻¹_π(δ); final: δ is decrypted and handed over whole,
 *       with the identifier: the final hop checks nothing in it, so it cannot tell a SURB reply from another packet
 *       (the recipient checks integrity: {@link Payloads#openFinal}, {@link SurbSecret#open}, {@link
 *       SealedPayload#open}).
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
     * Unwraps one layer of {@code packet} (not modified) without replay state ({@link ReplayGuard#NONE}).
     *
     * @throws SphinxException for any packet that is malformed, tampered with or not meant for this node
     */
    public ProcessResult process(byte[] packet) throws SphinxException {
        return process(packet, ReplayGuard.NONE);
    }

    /**
     * Unwraps one layer of {@code packet} (not modified), asking {@code replays} about its tag once γ has verified.
     *
     * @throws SphinxException for any packet that is malformed, tampered with or not meant for this node, and
     *     {@link SphinxException.Kind#REPLAY} when {@code replays} has seen its tag
     */
    public ProcessResult process(byte[] packet, ReplayGuard replays) throws SphinxException {
        Objects.requireNonNull(replays, "replays");
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
        crypto.deriveKeys(secret, packet, ALPHA_OFFSET, keys);
        if (!crypto.gammaMatches(keys, packet, BETA_OFFSET, GAMMA_OFFSET)) {
            throw macFailure(packet);
        }
        ReplayTag tag =
                new ReplayTag(Arrays.copyOfRange(keys, HopCrypto.REPLAY_TAG, HopCrypto.REPLAY_TAG + REPLAY_TAG));
        if (!replays.firstSeen(tag)) {
            throw new SphinxException(SphinxException.Kind.REPLAY, "a packet this node has processed before");
        }

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
        if (flags != FLAG_FINAL) {
            throw new SphinxException(SphinxException.Kind.INVALID_ROUTING, "unknown flags " + (flags & 0xff));
        }
        SurbId identifier = SurbId.copyOf(stream, RI_IDENTIFIER);
        byte[] body = Arrays.copyOfRange(packet, PAYLOAD_OFFSET, PAYLOAD_OFFSET + payloadSize);
        crypto.lioness.decrypt(keys, HopCrypto.PAYLOAD_KEY, body, 0, payloadSize);
        return new ProcessResult.Final(address, identifier, body, delay, tag);
    }

    /**
     * The exception for a γ that fails under this format's keys: UNSUPPORTED_VERSION when it matches the keys of
     * format 1 (derived from s alone), so a node names an outdated sender instead of counting it as tampering. Costs
     * one HKDF and one HMAC, only on packets that are dropped anyway.
     */
    private SphinxException macFailure(byte[] packet) {
        crypto.deriveV1Keys(secret, keys);
        if (crypto.gammaMatches(keys, packet, BETA_OFFSET, GAMMA_OFFSET)) {
            return new SphinxException(
                    SphinxException.Kind.UNSUPPORTED_VERSION,
                    "a format 1 packet (hop keys from the shared secret alone); this node speaks format "
                            + CURRENT_VERSION);
        }
        return new SphinxException(SphinxException.Kind.MAC_MISMATCH, "γ does not authenticate β at this node");
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
