package nym.client.keys;

import java.security.SecureRandom;
import nym.directory.api.Ed25519Identity;
import nym.sphinx.EncryptionKeyPair;

/**
 * A client's keys. The Ed25519 identity signs the gateway registration, and its public key is the client id of the
 * mixnet address and the Sphinx destination the gateway delivers to (gateway-api README). The X25519 encryption key
 * is the second part of the address: every payload to this client is sealed to it ({@code nym.sphinx.SealedPayload}),
 * so its gateway holds only ciphertext. {@link #toString()} shows no secret.
 */
public record ClientKeys(Ed25519Identity identity, EncryptionKeyPair encryption) {

    public static ClientKeys generate(SecureRandom random) {
        return new ClientKeys(Ed25519Identity.generate(random), EncryptionKeyPair.generate(random));
    }

    @Override
    public String toString() {
        return "ClientKeys[" + identity.publicKeyText() + "]";
    }
}
