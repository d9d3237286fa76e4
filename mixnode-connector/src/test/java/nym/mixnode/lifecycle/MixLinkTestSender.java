package nym.mixnode.lifecycle;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import nym.mixnode.incoming.PacketFrame;

/** Writes mix-link frames to a node over a plain socket, as a previous-layer node would. */
final class MixLinkTestSender implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    MixLinkTestSender(InetSocketAddress node) throws IOException {
        socket = new Socket(node.getAddress(), node.getPort());
        out = socket.getOutputStream();
    }

    void sendPacket(byte[] packet) throws IOException {
        sendFrame(PacketFrame.VERSION, packet.length, packet);
    }

    void sendFrame(int version, int length, byte[] packet) throws IOException {
        out.write(new byte[] {
            (byte) version, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length
        });
        out.write(packet);
        out.flush();
    }

    /** True once the node has closed this connection (a read sees the end of the stream). */
    boolean closedByPeer() throws IOException {
        socket.setSoTimeout(5000);
        try {
            return socket.getInputStream().read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
