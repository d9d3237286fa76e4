package nym.link;

/**
 * The user event a link fires up its pipeline once the handshake completed: the peer's X25519 static key (the
 * responder's is the one the initiator expected; the initiator's passed the {@link PeerAuthorizer}) and the Noise
 * handshake hash, which names this session (e.g. to bind a signature to it). Cells flow from this event on.
 */
public record LinkEstablished(byte[] remoteStatic, byte[] handshakeHash) {

    public LinkEstablished {
        remoteStatic = remoteStatic.clone();
        handshakeHash = handshakeHash.clone();
    }

    @Override
    public byte[] remoteStatic() {
        return remoteStatic.clone();
    }

    @Override
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }
}
