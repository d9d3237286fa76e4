package nym.directory.domain.node;

/**
 * A node's latest accepted presence.
 *
 * @param identityKey Ed25519 identity key, base64url (the PKI binding)
 * @param kind mixnode, gateway or validator
 * @param address its address in the topology: host of a mix node or validator, mixnet listener of a gateway;
 *     unique per kind (the first key to present it owns it)
 * @param sphinxKey X25519 key (mix nodes and gateways)
 * @param layer mix layer (mix nodes), else null
 * @param version software version
 * @param location free text
 * @param validatorType issuer, verifier, watcher or ledger (validators)
 * @param publicKey a validator's role key, opaque
 * @param clientListener a gateway's client listener
 * @param lastSeen when its latest presence was accepted, ms since the epoch
 */
public record Node(
        String identityKey,
        NodeKind kind,
        String address,
        String sphinxKey,
        Integer layer,
        String version,
        String location,
        String validatorType,
        String publicKey,
        String clientListener,
        long lastSeen) {}
