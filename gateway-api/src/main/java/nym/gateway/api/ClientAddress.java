package nym.gateway.api;

import java.util.Arrays;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;

/**
 * A client's mixnet address: {@code <identityKey>.<encryptionKey>@<gatewayIdentityKey>}, each 32 bytes as unpadded
 * base64url (43 characters, the directory's key text form; base64url has neither {@code .} nor {@code @}).
 *
 * <ul>
 *   <li>{@code identityKey}, the client id: the client's Ed25519 identity key, registered with that gateway; it is also
 *       the Sphinx final-hop destination: a sender builds the route layer 1, 2, 3, then the gateway (found in the
 *       topology by its identity key, using its Sphinx key and mixnet listener), with {@code
 *       Destination.of(NodeAddress.of(clientId))}. The gateway, as final hop, stores what arrives in that client's
 *       inbox.
 *   <li>{@code encryptionKey}: the client's X25519 key every payload to it is sealed to ({@code
 *       nym.sphinx.SealedPayload}), so its gateway stores only ciphertext.
 * </ul>
 *
 * @param clientId 32 bytes, the Ed25519 identity key
 * @param encryptionKey 32 bytes, X25519
 * @param gatewayIdentityKey 32 bytes
 */
public record ClientAddress(byte[] clientId, byte[] encryptionKey, byte[] gatewayIdentityKey) {

    public ClientAddress {
        clientId = GatewayMessage.exact(clientId, GatewayMessage.KEY_BYTES, "clientId");
        encryptionKey = GatewayMessage.exact(encryptionKey, GatewayMessage.KEY_BYTES, "encryptionKey");
        gatewayIdentityKey = GatewayMessage.exact(gatewayIdentityKey, GatewayMessage.KEY_BYTES, "gatewayIdentityKey");
    }

    /**
     * Parses {@code <identityKey>.<encryptionKey>@<gatewayIdentityKey>}: exactly one {@code .} and one {@code @} in
     * that order, each key canonical unpadded base64url of 32 bytes.
     *
     * @throws GatewayProtocolException INVALID_FIELD for anything else
     */
    public static ClientAddress parse(String text) {
        int at = text == null ? -1 : text.indexOf('@');
        int dot = at < 0 ? -1 : text.indexOf('.');
        if (at < 0 || text.indexOf('@', at + 1) >= 0 || dot < 0 || dot > at || text.indexOf('.', dot + 1) >= 0) {
            throw new GatewayProtocolException(
                    GatewayProtocolException.Kind.INVALID_FIELD,
                    "an address is <identityKey>.<encryptionKey>@<gatewayIdentityKey>");
        }
        try {
            return new ClientAddress(
                    Keys.decode(text.substring(0, dot), GatewayMessage.KEY_BYTES, "identityKey"),
                    Keys.decode(text.substring(dot + 1, at), GatewayMessage.KEY_BYTES, "encryptionKey"),
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
    public byte[] encryptionKey() {
        return encryptionKey.clone();
    }

    @Override
    public byte[] gatewayIdentityKey() {
        return gatewayIdentityKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientAddress a
                && Arrays.equals(a.clientId, clientId)
                && Arrays.equals(a.encryptionKey, encryptionKey)
                && Arrays.equals(a.gatewayIdentityKey, gatewayIdentityKey);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(clientId) * 31 + Arrays.hashCode(encryptionKey)) * 31
                + Arrays.hashCode(gatewayIdentityKey);
    }

    @Override
    public String toString() {
        return Keys.encode(clientId) + "." + Keys.encode(encryptionKey) + "@" + Keys.encode(gatewayIdentityKey);
    }
}
