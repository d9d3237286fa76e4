package nym.it;

import com.southernstorm.noise.protocol.HandshakeState;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A test node's mix port, as far as the directory's reachability probe goes: accepts connections on a loopback port
 * and answers each Noise XK message 1 with message 2 under the node's link key (the X25519 form of its Ed25519
 * identity: RFC 8032's clamped secret scalar), then closes. Written on noise-java alone, from the link protocol
 * (mixnet-link/README.md: {@code Noise_XK_25519_ChaChaPoly_BLAKE2s}, prologue {@code "nym-link/1 mix"}, frames
 * {@code length u16 | body}). Close it to make the node unreachable.
 */
final class ProbeResponder implements AutoCloseable {

    private static final String PROTOCOL = "Noise_XK_25519_ChaChaPoly_BLAKE2s";
    private static final byte[] PROLOGUE = "nym-link/1 mix".getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server;
    private final Thread serving;

    /** @param identitySeed the node's 32-byte Ed25519 secret (seed) */
    ProbeResponder(byte[] identitySeed) throws IOException {
        byte[] linkSecret = linkSecret(identitySeed);
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        serving = new Thread(() -> serve(linkSecret), "probe-responder-" + server.getLocalPort());
        serving.setDaemon(true);
        serving.start();
    }

    /** The node's mix address: {@code 127.0.0.1:port}. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve(byte[] linkSecret) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                answer(s, linkSecret);
            } catch (Exception e) {
                // the listener closed, or one probe went wrong: the next accept decides
            }
        }
    }

    private static void answer(Socket s, byte[] linkSecret) throws Exception {
        HandshakeState responder = new HandshakeState(PROTOCOL, HandshakeState.RESPONDER);
        try {
            responder.setPrologue(PROLOGUE, 0, PROLOGUE.length);
            responder.getLocalKeyPair().setPrivateKey(linkSecret, 0);
            responder.start();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] message1 = new byte[in.readUnsignedShort()];
            in.readFully(message1);
            responder.readMessage(message1, 0, message1.length, new byte[message1.length], 0);
            byte[] message2 = new byte[64];
            int length = responder.writeMessage(message2, 0, new byte[0], 0, 0);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) (length >>> 8), (byte) length});
            out.write(message2, 0, length);
            out.flush();
        } finally {
            responder.destroy();
        }
    }

    private static byte[] linkSecret(byte[] seed) {
        try {
            byte[] scalar = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            return scalar;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
