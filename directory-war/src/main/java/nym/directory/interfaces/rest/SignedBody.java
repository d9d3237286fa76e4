package nym.directory.interfaces.rest;

/**
 * A request body parsed and checked against the signature of the identity key it names.
 *
 * @param value the parsed body
 * @param identityKey the signer's identity key (canonical base64url)
 * @param signedAt the signed timestamp (ms since the epoch), newer than the node's last for the store to accept it
 */
record SignedBody<T>(T value, String identityKey, long signedAt) {}
