package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.southernstorm.noise.protocol.HandshakeState;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import nym.directory.api.Ed25519Identity;
import nym.directory.domain.node.Node;
import nym.directory.domain.node.NodeKind;
import nym.link.LinkKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReachabilityProbe} against a node's mix listener: a Noise XK responder written here on noise-java alone (so
 * the test checks the probe against the protocol, not against mixnet-link's responder), answering message 1 with
 * message 2 under the node's identity-derived link key.
 */
class ReachabilityProbeTest {

    private final Ed25519Identity identity = Ed25519Identity.generate();
    private final FixedEpoch epochs = new FixedEpoch();
    private final ReachabilityProbe probe = new ReachabilityProbe();
    private ServerSocket listener;
    private Thread serving;

    ReachabilityProbeTest() {
        probe.authorities = epochs;
        probe.timeoutMillis = 5000;
    }

    @AfterEach
    void close() throws Exception {
        if (listener != null) {
            listener.close();
            serving.join(5000);
        }
    }

    @Test
    void answers_nodeHoldingItsIdentityKey_true() throws Exception {
        listen(identity);

        assertTrue(probe.answers(node(listener.getLocalPort())));
    }

    @Test
    void answers_listenerWithAnotherIdentity_false() throws Exception {
        listen(Ed25519Identity.generate());

        assertFalse(probe.answers(node(listener.getLocalPort())));
    }

    @Test
    void answers_sameEpochAfterTheListenerWentAway_cachedUntilTheNextEpoch() throws Exception {
        listen(identity);
        Node node = node(listener.getLocalPort());
        assertTrue(probe.answers(node));
        listener.close();
        serving.join(5000);
        listener = null;

        assertTrue(probe.answers(node), "one probe per node and epoch");
        epochs.epoch++;
        assertFalse(probe.answers(node), "probed again in the next epoch: the port is closed now");
    }

    @Test
    void answers_addressChangedWithinTheEpoch_probedAgain() throws Exception {
        listen(identity);
        assertTrue(probe.answers(node(listener.getLocalPort())));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        assertFalse(probe.answers(node(closed)));
    }

    private Node node(int port) {
        return new Node(
                identity.publicKeyText(), NodeKind.MIXNODE, "127.0.0.1:" + port, "v", "l", null, null, null, 1L);
    }

    /** Answers each connection's message 1 with message 2, as {@code who}'s mix listener does. */
    private void listen(Ed25519Identity who) throws IOException {
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ServerSocket server = listener;
        serving = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    respond(s, who);
                } catch (Exception e) {
                    // closed listener, or a probe that went away: the next accept decides
                }
            }
        });
        serving.start();
    }

    private static void respond(Socket s, Ed25519Identity who) throws Exception {
        HandshakeState responder = new HandshakeState("Noise_XK_25519_ChaChaPoly_BLAKE2s", HandshakeState.RESPONDER);
        byte[] prologue = ("nym-link/1 " + ReachabilityProbe.MIX_LINK_KIND).getBytes(StandardCharsets.UTF_8);
        responder.setPrologue(prologue, 0, prologue.length);
        responder
                .getLocalKeyPair()
                .setPrivateKey(LinkKeys.fromEd25519Seed(who.secretKey()).privateKey(), 0);
        responder.start();
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] message1 = new byte[in.readUnsignedShort()];
        in.readFully(message1);
        responder.readMessage(message1, 0, message1.length, new byte[message1.length], 0);
        byte[] message2 = new byte[48];
        int length = responder.writeMessage(message2, 0, new byte[0], 0, 0);
        OutputStream out = s.getOutputStream();
        out.write(new byte[] {(byte) (length >>> 8), (byte) length});
        out.write(message2, 0, length);
        out.flush();
        responder.destroy();
    }

    /** The directory's clock, held in one epoch until the test moves it. */
    private static final class FixedEpoch extends AuthorityKeys {
        long epoch = 100;

        @Override
        public long currentEpoch() {
            return epoch;
        }
    }
}
