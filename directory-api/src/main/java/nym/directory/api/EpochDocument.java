package nym.directory.api;

import java.util.List;

/**
 * The network of one epoch, as the authorities sign it ({@link SignedEpochDocument}): which nodes are active, in which
 * layer, under which Sphinx keys, and how clients mix. Built once per epoch, before the epoch starts, and never
 * changed afterwards; a node that leaves or stops answering is removed from the next epoch's document.
 *
 * <p>Epoch {@code e} runs from {@code e × length} to {@code (e + 1) × length} milliseconds since the Unix epoch, so
 * everyone computes the same schedule from the length alone. Sphinx keys are announced one epoch ahead: each node
 * carries its key for this epoch ({@code sphinxKey}) and for the next ({@code nextSphinxKey}). A node accepts packets
 * under its previous key for a grace period after the epoch ends; {@code validUntilMillis} (end + that grace) is when
 * this document must no longer be used to build packets.
 *
 * @param version {@value #VERSION}
 * @param epoch the epoch number
 * @param startMillis when the epoch starts (ms since the Unix epoch)
 * @param endMillis when it ends, the start of the next
 * @param validUntilMillis after this no client or node may use the document
 * @param layerSeed 32 bytes, unpadded base64url: the seed of {@link LayerAssignment} for this epoch
 * @param mixing the mixing parameters clients use in this epoch
 * @param mixnodes one entry per layer 1..layers, in order, each with its nodes sorted by identity key
 * @param gateways the active gateways, sorted by identity key
 */
public record EpochDocument(
        int version,
        long epoch,
        long startMillis,
        long endMillis,
        long validUntilMillis,
        String layerSeed,
        Mixing mixing,
        List<Layer> mixnodes,
        List<Gateway> gateways) {

    public static final int VERSION = 2;

    /**
     * Loopix's parameters: μ as the mean delay per hop, λ as the rates of a client's three Poisson streams.
     *
     * @param meanHopDelayMillis 1/μ: the mean of the exponential delay a client draws for each hop
     * @param payloadRate λ_P, packets per second of the payload stream (real messages or dummies)
     * @param loopRate λ_L, loop cover packets per second
     * @param dropRate λ_D, drop cover packets per second
     */
    public record Mixing(long meanHopDelayMillis, double payloadRate, double loopRate, double dropRate) {}

    /** The mix nodes of one layer. */
    public record Layer(int layer, List<Mixnode> nodes) {}

    /**
     * An active mix node.
     *
     * @param identityKey Ed25519 identity (its X25519 form is the node's Noise link key)
     * @param host where it takes Sphinx packets, {@code host:port}
     * @param layer its layer in this epoch (assigned by the authorities, {@link LayerAssignment})
     * @param sphinxKey X25519 Sphinx key for this epoch
     * @param nextSphinxKey X25519 Sphinx key for the next epoch
     * @param performance the node's score from the network monitors as the ledger settled it before this document
     *     was built, per mille (0..1000); null when the ledger holds no score for it (never measured, or no ledger)
     */
    public record Mixnode(
            String identityKey,
            String host,
            int layer,
            String sphinxKey,
            String nextSphinxKey,
            String version,
            String location,
            Integer performance) {}

    /** An active gateway; the Sphinx keys and {@code performance} as for a {@link Mixnode}. */
    public record Gateway(
            String identityKey,
            String clientListener,
            String mixnetListener,
            String sphinxKey,
            String nextSphinxKey,
            String version,
            String location,
            Integer performance) {}

    /** The canonical bytes the authorities sign: this record as JSON (lists in the order given). */
    public byte[] canonicalBytes() {
        return Json.write(this);
    }

    /** True while {@code nowMillis} is before {@link #validUntilMillis}. */
    public boolean validAt(long nowMillis) {
        return nowMillis < validUntilMillis;
    }
}
