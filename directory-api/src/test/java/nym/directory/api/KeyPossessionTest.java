package nym.directory.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

class KeyPossessionTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pair(byte[] secret, byte[] publicKey) {
        static Pair generate() {
            byte[] secret = new byte[32];
            X25519.generatePrivateKey(RANDOM, secret);
            byte[] pub = new byte[32];
            X25519.generatePublicKey(secret, 0, pub, 0);
            return new Pair(secret, pub);
        }
    }

    private final Pair sphinx = Pair.generate();
    private final Pair authority = Pair.generate();
    private final String identity = Ed25519Identity.generate().publicKeyText();

    @Test
    void verify_tagOfTheKeyHolder_passes() {
        String tag = KeyPossession.prove(sphinx.secret(), sphinx.publicKey(), authority.publicKey(), identity, 7);
        assertTrue(KeyPossession.verify(authority.secret(), sphinx.publicKey(), identity, 7, tag));
    }

    @Test
    void verify_otherEpochIdentityOrAuthority_fails() {
        String tag = KeyPossession.prove(sphinx.secret(), sphinx.publicKey(), authority.publicKey(), identity, 7);
        assertFalse(KeyPossession.verify(authority.secret(), sphinx.publicKey(), identity, 8, tag));
        assertFalse(KeyPossession.verify(
                authority.secret(),
                sphinx.publicKey(),
                Ed25519Identity.generate().publicKeyText(),
                7,
                tag));
        assertFalse(KeyPossession.verify(Pair.generate().secret(), sphinx.publicKey(), identity, 7, tag));
    }

    @Test
    void verify_copiedKeyWithoutItsSecret_fails() {
        // a thief announces the victim's public key but can only use a secret of its own
        String forged =
                KeyPossession.prove(Pair.generate().secret(), sphinx.publicKey(), authority.publicKey(), identity, 7);
        assertFalse(KeyPossession.verify(authority.secret(), sphinx.publicKey(), identity, 7, forged));
        assertFalse(KeyPossession.verify(authority.secret(), sphinx.publicKey(), identity, 7, "not base64!"));
    }
}
