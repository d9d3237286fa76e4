package nym.client.topology;

import java.util.Set;
import nym.sphinx.NodePublicKey;

/**
 * A gateway: the last hop of every packet for its clients. {@code registeredClients} are the client identities it
 * announces (what the local API's client list shows).
 */
public record GatewayNode(
        String identityKey,
        NodePublicKey sphinxKey,
        String clientListener,
        String mixnetListener,
        Set<String> registeredClients) {}
