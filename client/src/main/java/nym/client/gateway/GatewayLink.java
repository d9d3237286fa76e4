package nym.client.gateway;

import nym.client.ClientException;
import nym.gateway.api.CellSizes;
import nym.gateway.api.GatewayProtocolException;
import nym.link.LinkKeys;
import nym.link.LinkSettings;

/**
 * Which gateway a session talks to and how: its client listener, its Ed25519 identity key from the signed topology
 * (the Noise link checks the gateway holds its X25519 form), and the network's cell sizes.
 *
 * @param clientListener {@code host:port}
 * @param identityKey the gateway's Ed25519 identity key, 32 bytes
 * @param cells this network's cell sizes
 */
public record GatewayLink(String clientListener, byte[] identityKey, CellSizes cells) {

    public GatewayLink {
        HostPort.parse(clientListener, "gateway client listener");
        identityKey = identityKey.clone();
    }

    /** The link to a gateway of a network whose Sphinx packets and payloads have these sizes. */
    public static GatewayLink of(String clientListener, byte[] identityKey, int packetSize, int payloadSize) {
        try {
            return new GatewayLink(clientListener, identityKey, CellSizes.forNetwork(packetSize, payloadSize));
        } catch (GatewayProtocolException e) {
            throw new ClientException(ClientException.Kind.CONFIG, "this network's packets do not fit a link cell", e);
        }
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    /** The gateway's static link key, which the handshake checks. */
    byte[] staticKey() {
        try {
            return LinkKeys.x25519PublicKey(identityKey);
        } catch (IllegalArgumentException e) {
            throw new ClientException(ClientException.Kind.GATEWAY, "the gateway's identity key has no link key", e);
        }
    }

    /** The client's view of the link: downlink cells in, uplink cells out, the gateway's link kind. */
    LinkSettings settings() {
        return LinkSettings.of(CellSizes.LINK_KIND, cells.downlink(), cells.uplink());
    }
}
