/**
 * Sphinx mix packets (Danezis and Goldberg, 2009) for the Nym mixnet: fixed-size packets over 1 to {@value
 * nym.sphinx.SphinxSizes#MAX_HOPS} hops, per-hop processing with replay tags, single-use reply blocks.
 *
 * <p>Sender: {@link nym.sphinx.PacketBuilder} ({@link nym.sphinx.Routes}, {@link nym.sphinx.CoverTraffic}). Mix node:
 * {@link nym.sphinx.SphinxProcessor} returning a sealed {@link nym.sphinx.ProcessResult}. Replies: {@link
 * nym.sphinx.Surb} and {@link nym.sphinx.SurbSecret}. Every failure on bad input is a {@link
 * nym.sphinx.SphinxException} with a kind. Sizes: {@link nym.sphinx.SphinxSizes}. Packet header symbols as in the
 * paper: α (group element), β (routing information), γ (MAC), δ (payload).
 */
package nym.sphinx;
