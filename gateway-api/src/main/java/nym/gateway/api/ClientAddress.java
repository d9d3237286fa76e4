package nym.gateway.api;

import java.util.Arrays;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;

/**
 * A client's mixnet address: {@code <clientId>@<gatewayIdentityKey>}, both 32 bytes as unpadded base64url (43
 * characters each, the directory's key text form). {@code clientId} is the client's Ed25519 identity key, registered
 * with that gateway; it is also the Sphinx final-hop destination: a sender builds the route layer 1, 2, 3, then the
 * gateway (found in the topology by its identity key, using its Sphinx key and mixnet listener), with
 * {@code Destination.of(NodeAddress.of(clientId))}. The gateway, as final hop, stores the message in that client's
 * inbox.
 *
 * @param clientId 32 bytes
 * @param gatewayIdentityKey 32 bytes
 */
public record ClientAddress(byte[] clientId, byte[] gatewayIdentityKey) {

    public ClientAddress {
        clientId = GatewayMessage.exact(clientId, GatewayMessage.KEY_BYTES, "clientId");
        gatewayIdentityKey = GatewayMessage.exact(gatewayIdentityKey, GatewayMessage.KEY_BYTES, "gatewayIdentityKey");
    }

    /**
     * Parses {@code <clientId>@<gatewayIdentityKey>}.
     *
     * @throws GatewayProtocolException INVALID_FIELD for anything else
     */
    public static ClientAddress parse(String text) {
        int at = text == null ? -1 : text.indexOf('@');
        if (at < 0 || text.indexOf('@', at + 1) >= 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD, "an address is <clientId>@<gatewayIdentityKey>");
        }
        try {
            return new ClientAddress(
                    Keys.decode(text.substring(0, at), GatewayMessage.KEY_BYTES, "clientId"),
                    Keys.decode(text.substring(at + 1), GatewayMessage.KEY_BYTES, "gatewayIdentityKey"));
        } catch (DirectoryException e) {
            throw new GatewayProtocolException(GatewayProtocolException.Kind.INVALID_FIELD, e.getMessage());
        }
    }

    @Override
    public byte[] clientId() {
        return clientId.clone();
    }

    @Override
    public byte[] gatewayIdentityKey() {
        return gatewayIdentityKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientAddress a
                && Arrays.equals(a.clientId, clientId)
                && Arrays.equals(a.gatewayIdentityKey, gatewayIdentityKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(clientId) * 31 + Arrays.hashCode(gatewayIdentityKey);
    }

    @Override
    public String toString() {
        return Keys.encode(clientId) + "@" + Keys.encode(gatewayIdentityKey);
    }
}
