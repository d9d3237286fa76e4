package nym.client.topology;

import nym.sphinx.NodePublicKey;

/**
 * A gateway: the last hop of every packet for its clients. The topology names none of its clients (issue 17): a
 * client's address names its gateway, which is all a sender needs.
 */
public record GatewayNode(String identityKey, NodePublicKey sphinxKey, String clientListener, String mixnetListener) {}
