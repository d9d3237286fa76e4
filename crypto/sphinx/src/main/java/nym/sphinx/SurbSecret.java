package nym.sphinx;

import java.util.Objects;

/**
 * What a SURB's creator keeps to read the reply: the SURB id, k̃ and the payload key π_i of every hop. Every hop
 * applied Lioness⁻¹_{π_i} to δ = Lioness_k̃(0^κ | m); the creator re-applies Lioness_{π_i} from the last hop back to
 * the first, removes k̃ and checks the zero prefix. Secret: never logged, not in {@link #toString()}.
 */
public final class SurbSecret {

    private final SphinxParams params;
    private final SurbId id;
    private final byte[] replyKey;
    private final byte[][] payloadKeys;

    SurbSecret(SphinxParams params, SurbId id, byte[] replyKey, byte[][] payloadKeys) {
        this.params = params;
        this.id = id;
        this.replyKey = replyKey;
        this.payloadKeys = payloadKeys;
    }

    public SurbId id() {
        return id;
    }

    /**
     * The message of a reply delivered by the final hop.
     *
     * @throws SphinxException {@link SphinxException.Kind#SURB_MISMATCH} when the delivery's identifier is not this
     *     SURB's id, {@link SphinxException.Kind#PAYLOAD_CORRUPTED} when the payload was changed on the way
     */
    public byte[] open(ProcessResult.Final delivery) throws SphinxException {
        Objects.requireNonNull(delivery, "delivery");
        if (!delivery.identifier().equals(id)) {
            throw new SphinxException(SphinxException.Kind.SURB_MISMATCH, "not a reply to this SURB");
        }
        return open(delivery.body());
    }

    /**
     * The message inside a reply's final body ({@link ProcessResult.Final#body()}); the integrity of a reply is
     * checked here, not by the final hop.
     */
    public byte[] open(byte[] payload) throws SphinxException {
        Objects.requireNonNull(payload, "payload");
        int size = params.payloadSize();
        if (payload.length != size) {
            throw new SphinxException(
                    SphinxException.Kind.MALFORMED, "reply payload of " + payload.length + " bytes, expected " + size);
        }
        byte[] p = payload.clone();
        Lioness lioness = new Lioness();
        for (int i = payloadKeys.length - 1; i >= 0; i--) {
            lioness.encrypt(payloadKeys[i], 0, p, 0, size);
        }
        lioness.decrypt(replyKey, 0, p, 0, size);
        return Payloads.checkAndUnpad(p);
    }

    @Override
    public String toString() {
        return "SurbSecret[id=" + id + "]";
    }
}
