package nym.mixnode.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import nym.directory.api.Ed25519Identity;
import nym.link.LinkKeys;

/**
 * A node's long-term key: the Ed25519 identity (signs presence and metrics; a gateway's clients register against it;
 * its X25519 form is the node's Noise link key, {@link #link()}). Stored in {@code <home>/keys/} as
 * {@value #IDENTITY_FILE}: the 32-byte secret as unpadded base64url, mode 0600. The Sphinx keys change every epoch
 * and live in {@link SphinxKeyRing} ({@code <home>/keys/sphinx/}). {@link #toString()} shows the public key only.
 */
public record NodeKeys(Ed25519Identity identity) {

    public static final String IDENTITY_FILE = "identity.key";

    public static NodeKeys generate(SecureRandom random) {
        return new NodeKeys(Ed25519Identity.generate(random));
    }

    /**
     * A deterministic identity from a public seed string, for reproducible development networks only: the secret is
     * SHA-256 of a label and the seed.
     */
    public static NodeKeys fromSeed(String seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("nym-mixnode identity".getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return new NodeKeys(Ed25519Identity.fromSecret(sha.digest(seed.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /**
     * The X25519 key pair of this node's Noise links, derived from the identity (see {@link LinkKeys}): peers find
     * its public half in the signed topology as the identity key, so no extra key is published or stored.
     */
    public LinkKeys link() {
        byte[] seed = identity.secretKey();
        try {
            return LinkKeys.fromEd25519Seed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    public String identityKeyText() {
        return identity.publicKeyText();
    }

    public void save(Path keysDir) throws IOException {
        Files.createDirectories(keysDir);
        SecretFiles.write(keysDir.resolve(IDENTITY_FILE), identity.secretKey());
    }

    public static NodeKeys load(Path keysDir) throws IOException {
        return new NodeKeys(Ed25519Identity.fromSecret(SecretFiles.read(keysDir.resolve(IDENTITY_FILE))));
    }

    @Override
    public String toString() {
        return "NodeKeys[identity=" + identityKeyText() + "]";
    }
}
