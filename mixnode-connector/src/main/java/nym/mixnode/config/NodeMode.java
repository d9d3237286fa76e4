package nym.mixnode.config;

/** What a node is: a mix node of one layer, or a gateway (clients' entry and exit, the final Sphinx hop). */
public enum NodeMode {
    MIX,
    GATEWAY
}
