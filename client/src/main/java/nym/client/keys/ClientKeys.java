package nym.client.keys;

import java.security.SecureRandom;
import nym.directory.api.Ed25519Identity;
import nym.link.LinkKeys;

/**
 * A client's key: the Ed25519 identity. It signs the gateway registration, its X25519 form is the client's Noise link
 * key, and its public key is the client id of the mixnet address and the Sphinx destination the gateway delivers to
 * (gateway-api README). {@link #toString()} shows no secret.
 */
public record ClientKeys(Ed25519Identity identity) {

    public static ClientKeys generate(SecureRandom random) {
        return new ClientKeys(Ed25519Identity.generate(random));
    }

    /** The client's Noise link keys: the X25519 form of its identity, which the gateway authenticates it by. */
    public LinkKeys linkKeys() {
        return LinkKeys.fromEd25519Seed(identity.secretKey());
    }

    @Override
    public String toString() {
        return "ClientKeys[" + identity.publicKeyText() + "]";
    }
}
