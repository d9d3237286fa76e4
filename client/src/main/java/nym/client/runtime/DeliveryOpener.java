package nym.client.runtime;

import nym.client.ClientException;
import nym.client.replies.BoundedStore;
import nym.client.traffic.Envelope;
import nym.gateway.api.Delivered;
import nym.sphinx.EncryptionKeyPair;
import nym.sphinx.SealedPayload;
import nym.sphinx.SphinxException;
import nym.sphinx.SphinxParams;
import nym.sphinx.SurbId;
import nym.sphinx.SurbSecret;

/**
 * The receive path's first step: what a delivery from the gateway is. The gateway stores every delivery alike (an
 * identifier and a body of ciphertext); they are told apart only here. An identifier of one of this client's SURBs
 * makes it a reply, opened (and integrity-checked) with that SURB's secret, which is then used up; anything else must
 * open as a payload sealed to this client's encryption key, and only its {@link Envelope} then says whether it is a
 * loop or a message. Thread-safe (the SURB store is).
 */
final class DeliveryOpener {

    /** An opened delivery: {@code reply} when it came back through one of our SURBs. */
    record Opened(boolean reply, Envelope envelope) {}

    private final SphinxParams params;
    private final EncryptionKeyPair key;
    private final BoundedStore<SurbId, SurbSecret> ownSurbs;

    DeliveryOpener(SphinxParams params, EncryptionKeyPair key, BoundedStore<SurbId, SurbSecret> ownSurbs) {
        this.params = params;
        this.key = key;
        this.ownSurbs = ownSurbs;
    }

    /**
     * @throws SphinxException when the body does not open: changed on the way, or not sealed to this client's key
     * @throws ClientException MESSAGE when it opens but holds no client envelope
     */
    Opened open(Delivered delivered) throws SphinxException {
        SurbSecret surb = ownSurbs.take(SurbId.of(delivered.identifier())).orElse(null);
        if (surb != null) {
            return new Opened(true, Envelope.decode(surb.open(delivered.body())));
        }
        return new Opened(false, Envelope.decode(SealedPayload.open(params, key, delivered.body())));
    }
}
