package nym.directory.domain.node;

/**
 * A node's latest accepted presence, without its Sphinx keys (those are per epoch: {@link SignedPresence},
 * {@link Candidate}).
 *
 * @param identityKey Ed25519 identity key, base64url (the PKI binding)
 * @param kind mixnode, gateway or validator
 * @param address where it is reached: host of a mix node or validator, mixnet listener of a gateway; belongs to one
 *     node whatever its kind (the first key to present it owns it)
 * @param version software version
 * @param location free text
 * @param validatorType issuer, verifier, watcher or ledger (validators)
 * @param publicKey a validator's role key, opaque
 * @param clientListener a gateway's client listener (belongs to one node)
 * @param lastSeen when its latest presence was accepted, ms since the epoch
 */
public record Node(
        String identityKey,
        NodeKind kind,
        String address,
        String version,
        String location,
        String validatorType,
        String publicKey,
        String clientListener,
        long lastSeen) {}
