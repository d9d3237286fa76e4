package nym.directory.api;

import java.util.Map;

/**
 * A Sphinx key a node announces for one epoch, with its proofs of possession ({@link KeyPossession}).
 *
 * @param epoch the epoch the key is for
 * @param key X25519 public key, unpadded base64url
 * @param proofs authority's Ed25519 key (unpadded base64url) → the tag made for that authority
 */
public record AnnouncedKey(long epoch, String key, Map<String, String> proofs) {}
