package nym.client.topology;

import nym.sphinx.NodePublicKey;

/** A mix node as routes use it: its identity (for statistics and logs), Sphinx key and layer. */
public record MixNode(String identityKey, NodePublicKey sphinxKey, int layer, String host) {}
