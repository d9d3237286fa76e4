package nym.client.keys;

import java.security.SecureRandom;
import nym.directory.api.Ed25519Identity;

/**
 * A client's key: the Ed25519 identity. It signs the gateway registration, and its public key is the client id of the
 * mixnet address and the Sphinx destination the gateway delivers to (mixnode-connector README, "Gateway client
 * protocol"). {@link #toString()} shows no secret.
 */
public record ClientKeys(Ed25519Identity identity) {

    public static ClientKeys generate(SecureRandom random) {
        return new ClientKeys(Ed25519Identity.generate(random));
    }

    @Override
    public String toString() {
        return "ClientKeys[" + identity.publicKeyText() + "]";
    }
}
