package nym.client.keys;

import java.security.SecureRandom;
import nym.directory.api.Ed25519Identity;
import nym.sphinx.NodeKeyPair;

/**
 * A client's keys: the Ed25519 identity (signs gateway registration, names the client) and the X25519 key whose
 * derived Sphinx address is where packets for this client are delivered. {@link #toString()} shows no secret.
 */
public record ClientKeys(Ed25519Identity identity, NodeKeyPair sphinx) {

    public static ClientKeys generate(SecureRandom random) {
        return new ClientKeys(Ed25519Identity.generate(random), NodeKeyPair.generate(random));
    }

    @Override
    public String toString() {
        return "ClientKeys[" + identity.publicKeyText() + "]";
    }
}
