package nym.link;

/**
 * A responder's decision on the initiator's X25519 static key, learnt from handshake message 3. Runs on the
 * connection's event loop: answer from memory (e.g. the current topology), never block.
 */
@FunctionalInterface
public interface PeerAuthorizer {

    boolean authorize(byte[] remoteStatic);

    /** Accepts every key (e.g. a gateway's client listener, which authenticates clients inside the session). */
    PeerAuthorizer ANYONE = key -> true;
}
