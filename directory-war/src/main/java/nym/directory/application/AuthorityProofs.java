package nym.directory.application;

import java.util.Map;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.DirectoryException;
import nym.directory.api.KeyPossession;
import nym.directory.api.Keys;

/**
 * Checks the proofs of possession ({@link KeyPossession}) nodes made for this authority: only the node and this
 * authority can compute them, so each authority checks its own before it signs a document listing the key.
 * {@link #toString()} never shows the secret.
 */
public final class AuthorityProofs {

    private final String authorityKey;
    private final byte[] x25519Secret;

    /**
     * @param authorityKey this authority's Ed25519 public key, unpadded base64url (the key of the node's proofs map)
     * @param x25519Secret this authority's X25519 secret scalar, the Montgomery form of its Ed25519 secret
     */
    public AuthorityProofs(String authorityKey, byte[] x25519Secret) {
        this.authorityKey = authorityKey;
        this.x25519Secret = x25519Secret.clone();
    }

    public String authorityKey() {
        return authorityKey;
    }

    /** True if {@code key} carries a tag for this authority that proves {@code identityKey} holds its secret. */
    public boolean proves(String identityKey, AnnouncedKey key) {
        Map<String, String> proofs = key.proofs();
        String tag = proofs == null ? null : proofs.get(authorityKey);
        if (tag == null) {
            return false;
        }
        byte[] sphinxKey;
        try {
            sphinxKey = Keys.decode(key.key(), Keys.PUBLIC_KEY_BYTES, "sphinx key");
        } catch (DirectoryException malformed) {
            return false;
        }
        return KeyPossession.verify(x25519Secret, sphinxKey, identityKey, key.epoch(), tag);
    }

    @Override
    public String toString() {
        return "AuthorityProofs[" + authorityKey + "]";
    }
}
