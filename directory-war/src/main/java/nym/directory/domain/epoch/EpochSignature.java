package nym.directory.domain.epoch;

/**
 * One authority's signature of a stored epoch document.
 *
 * @param authorityKey its Ed25519 public key, unpadded base64url
 * @param signature over {@code "nym-epoch-document-v1\n"} + the document's bytes, unpadded base64url
 * @param signedAt when it was stored, ms since the Unix epoch
 */
public record EpochSignature(String authorityKey, String signature, long signedAt) {}
