package nym.directory.api;

/**
 * {@code GET /api/presence/directory-key}: the key that signs every topology.
 *
 * @param algorithm always {@code Ed25519}
 * @param publicKey unpadded base64url, 32 bytes
 */
public record DirectoryKey(String algorithm, String publicKey) {}
