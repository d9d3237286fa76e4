package nym.link;

/**
 * Why a link failed or a write was refused. A failure closes only its own connection; the kind tells the owner what
 * to count. Messages never carry keys, addresses or cell contents.
 */
public final class LinkException extends RuntimeException {

    public enum Kind {
        /**
         * A handshake message that does not decrypt or has the wrong length. In XK this is also what a responder sees
         * when the initiator expected another static key or speaks another link kind (prologue): the three cannot be
         * told apart, by design.
         */
        GARBLED_HANDSHAKE,
        /** The responder's {@link PeerAuthorizer} refused the initiator's static key. */
        UNAUTHORIZED_PEER,
        /** The handshake did not complete within {@link LinkSettings#handshakeTimeout()}. */
        HANDSHAKE_TIMEOUT,
        /** The peer closed the connection before the handshake completed (an initiator's view of a refusal). */
        HANDSHAKE_INCOMPLETE,
        /** The responder already runs its maximum of concurrent handshakes ({@link HandshakeGate}). */
        TOO_MANY_HANDSHAKES,
        /** A transport frame whose length is not exactly the inbound cell size plus the tag. */
        BAD_FRAME_LENGTH,
        /** The connection ended inside a frame. */
        TRUNCATED_FRAME,
        /** A transport frame failed authentication (tampered, replayed, reordered or from another session). */
        DECRYPTION_FAILED,
        /** This side wrote something that is not a {@code byte[]} of exactly the outbound cell size: not sent. */
        WRONG_CELL_SIZE,
        /** A cell written before the handshake completed found the bounded hold full: not sent. */
        PENDING_FULL
    }

    private final Kind kind;

    public LinkException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "LinkException[" + kind + "]: " + getMessage();
    }
}
