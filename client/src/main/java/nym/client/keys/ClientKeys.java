package nym.client.keys;

import java.security.SecureRandom;
import nym.directory.api.Ed25519Identity;
import nym.link.LinkKeys;
import nym.sphinx.EncryptionKeyPair;

/**
 * A client's keys. The Ed25519 identity signs the gateway registration, its X25519 form is the client's Noise link
 * key, and its public key is the client id of the mixnet address and the Sphinx destination the gateway delivers to
 * (gateway-api README). The X25519 encryption key is the second part of the address: every payload to this client is
 * sealed to it ({@code nym.sphinx.SealedPayload}), so its gateway holds only ciphertext. {@link #toString()} shows no
 * secret.
 */
public record ClientKeys(Ed25519Identity identity, EncryptionKeyPair encryption) {

    public static ClientKeys generate(SecureRandom random) {
        return new ClientKeys(Ed25519Identity.generate(random), EncryptionKeyPair.generate(random));
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
