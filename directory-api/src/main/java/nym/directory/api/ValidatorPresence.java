package nym.directory.api;

/**
 * The heartbeat of an authority or ledger node ({@code POST /api/presence/validators}).
 *
 * @param host its public endpoint, {@code host:port} or a URL
 * @param identityKey Ed25519 identity key (signs this request)
 * @param type one of {@code issuer}, {@code verifier}, {@code watcher}, {@code ledger}
 * @param publicKey the key it serves in its role (e.g. a Coconut verification key share), opaque text, may be null
 * @param version software version
 * @param location free text
 */
public record ValidatorPresence(
        String host, String identityKey, String type, String publicKey, String version, String location) {}
