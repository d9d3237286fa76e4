package nym.mixnode.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.link.LinkKeys;
import nym.sphinx.NodeKeyPair;

/**
 * A node's two keys: the Ed25519 identity (signs presence and metrics; a gateway's clients register against it; its
 * X25519 form is the node's Noise link key, {@link #link()}) and
 * the X25519 Sphinx key (packets are encrypted to it; its address routes them). Stored in {@code <home>/keys/} as
 * {@value #IDENTITY_FILE} and {@value #SPHINX_FILE}: the 32-byte secrets as unpadded base64url, mode 0600.
 * {@link #toString()} shows public keys only.
 */
public record NodeKeys(Ed25519Identity identity, NodeKeyPair sphinx) {

    public static final String IDENTITY_FILE = "identity.key";
    public static final String SPHINX_FILE = "sphinx.key";

    public static NodeKeys generate(SecureRandom random) {
        return new NodeKeys(Ed25519Identity.generate(random), NodeKeyPair.generate(random));
    }

    /**
     * Deterministic keys from a public seed string, for reproducible development networks only: each secret is
     * SHA-256 of a label and the seed.
     */
    public static NodeKeys fromSeed(String seed) {
        return new NodeKeys(
                Ed25519Identity.fromSecret(derive("nym-mixnode identity", seed)),
                NodeKeyPair.fromPrivateKey(derive("nym-mixnode sphinx", seed)));
    }

    private static byte[] derive(String label, String seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(seed.getBytes(StandardCharsets.UTF_8));
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

    public String sphinxKeyText() {
        return Keys.encode(sphinx.publicKey().toBytes());
    }

    public void save(Path keysDir) throws IOException {
        Files.createDirectories(keysDir);
        writeSecret(keysDir.resolve(IDENTITY_FILE), identity.secretKey());
        writeSecret(keysDir.resolve(SPHINX_FILE), sphinx.privateKeyBytes());
    }

    public static NodeKeys load(Path keysDir) throws IOException {
        return new NodeKeys(
                Ed25519Identity.fromSecret(readSecret(keysDir.resolve(IDENTITY_FILE))),
                NodeKeyPair.fromPrivateKey(readSecret(keysDir.resolve(SPHINX_FILE))));
    }

    private static void writeSecret(Path file, byte[] secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Keys.encode(secret) + "\n");
    }

    private static byte[] readSecret(Path file) throws IOException {
        return Keys.decode(
                Files.readString(file).strip(),
                Keys.SECRET_KEY_BYTES,
                file.getFileName().toString());
    }

    @Override
    public String toString() {
        return "NodeKeys[identity=" + identityKeyText() + ", sphinx=" + sphinxKeyText() + "]";
    }
}
