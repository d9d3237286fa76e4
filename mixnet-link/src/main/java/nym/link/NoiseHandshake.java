package nym.link;

import com.southernstorm.noise.protocol.CipherStatePair;
import com.southernstorm.noise.protocol.HandshakeState;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.ShortBufferException;

/**
 * One side of a Noise_XK handshake with empty payloads, on noise-java's {@link HandshakeState}: which message comes
 * next, its fixed length ({@link LinkFrames}), and the two {@link CellCipher}s at the end. No Netty here.
 */
final class NoiseHandshake {

    private static final int[] MESSAGE_BYTES = {
        LinkFrames.MESSAGE_1_BYTES, LinkFrames.MESSAGE_2_BYTES, LinkFrames.MESSAGE_3_BYTES
    };

    private final HandshakeState state;
    private int messages;

    private NoiseHandshake(int role, LinkSettings settings, LinkKeys local, byte[] remoteStatic) {
        try {
            state = new HandshakeState(LinkFrames.PROTOCOL, role);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("noise-java lacks " + LinkFrames.PROTOCOL, e);
        }
        byte[] prologue = settings.prologue();
        state.setPrologue(prologue, 0, prologue.length);
        byte[] privateKey = local.privateKey();
        state.getLocalKeyPair().setPrivateKey(privateKey, 0);
        Arrays.fill(privateKey, (byte) 0);
        if (remoteStatic != null) {
            state.getRemotePublicKey().setPublicKey(remoteStatic, 0);
        }
        state.start();
    }

    static NoiseHandshake initiator(LinkSettings settings, LinkKeys local, byte[] responderStatic) {
        if (responderStatic.length != LinkKeys.KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 public key has 32 bytes");
        }
        return new NoiseHandshake(HandshakeState.INITIATOR, settings, local, responderStatic);
    }

    static NoiseHandshake responder(LinkSettings settings, LinkKeys local) {
        return new NoiseHandshake(HandshakeState.RESPONDER, settings, local, null);
    }

    boolean wantsToWrite() {
        return state.getAction() == HandshakeState.WRITE_MESSAGE;
    }

    boolean isComplete() {
        return state.getAction() == HandshakeState.SPLIT;
    }

    /** The body length of the message the peer must send next; -1 when none is expected. */
    int expectedLength() {
        return state.getAction() == HandshakeState.READ_MESSAGE ? MESSAGE_BYTES[messages] : -1;
    }

    byte[] write() {
        byte[] message = new byte[MESSAGE_BYTES[messages]];
        try {
            int length = state.writeMessage(message, 0, new byte[0], 0, 0);
            if (length != message.length) {
                throw new IllegalStateException("handshake message " + (messages + 1) + " has " + length + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException("handshake message " + (messages + 1) + " longer than expected", e);
        }
        messages++;
        return message;
    }

    /** Reads the peer's next message (its length already checked by the caller). */
    void read(byte[] message) {
        try {
            int payload = state.readMessage(message, 0, message.length, new byte[message.length], 0);
            if (payload != 0) {
                throw new LinkException(LinkException.Kind.GARBLED_HANDSHAKE, "handshake payload not empty");
            }
        } catch (BadPaddingException | ShortBufferException | IllegalStateException e) {
            throw new LinkException(
                    LinkException.Kind.GARBLED_HANDSHAKE, "handshake message " + (messages + 1) + " does not decrypt");
        }
        messages++;
    }

    byte[] remoteStatic() {
        byte[] key = new byte[LinkKeys.KEY_BYTES];
        state.getRemotePublicKey().getPublicKey(key, 0);
        return key;
    }

    byte[] handshakeHash() {
        return state.getHandshakeHash();
    }

    /** The transport ciphers {@code [send, receive]}; the handshake state is destroyed. */
    CellCipher[] split(LinkSettings settings) {
        CipherStatePair pair = state.split();
        state.destroy();
        return new CellCipher[] {
            new CellCipher(pair.getSender(), settings.outboundCellSize(), settings.rekeyInterval()),
            new CellCipher(pair.getReceiver(), settings.inboundCellSize(), settings.rekeyInterval())
        };
    }

    void destroy() {
        state.destroy();
    }
}
