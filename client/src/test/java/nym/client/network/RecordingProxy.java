package nym.client.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The observer of one link: a loopback TCP relay in front of a listener that keeps every byte crossing it, per
 * connection and direction, exactly as a packet capture of that link would show the TCP payload. Nothing is parsed
 * here; the test reads the recordings.
 */
final class RecordingProxy implements AutoCloseable {

    /** What one connection carried: {@code up} from the connecting side, {@code down} from the listener. */
    static final class Recording {
        final String linkKind;
        private final ByteArrayOutputStream up = new ByteArrayOutputStream();
        private final ByteArrayOutputStream down = new ByteArrayOutputStream();

        private Recording(String linkKind) {
            this.linkKind = linkKind;
        }

        synchronized byte[] up() {
            return up.toByteArray();
        }

        synchronized byte[] down() {
            return down.toByteArray();
        }

        private synchronized void record(boolean fromInitiator, byte[] b, int n) {
            (fromInitiator ? up : down).write(b, 0, n);
        }
    }

    private final String linkKind;
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<Recording> recordings = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    RecordingProxy(String linkKind, InetSocketAddress target) throws IOException {
        this.linkKind = linkKind;
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "proxy-" + linkKind + "-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /** Where connecting sides must go instead of the listener ({@code host:port}). */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    String linkKind() {
        return linkKind;
    }

    List<Recording> recordings() {
        return new ArrayList<>(recordings);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(target.getAddress(), target.getPort());
                sockets.add(in);
                sockets.add(out);
                Recording r = new Recording(linkKind);
                recordings.add(r);
                relay(in, out, r, true);
                relay(out, in, r, false);
            } catch (IOException e) {
                // the proxy is closing, or the listener behind it is gone: the connecting side sees a closed link
            }
        }
    }

    private static void relay(Socket from, Socket to, Recording r, boolean fromInitiator) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            r.record(fromInitiator, buf, n);
                            out.write(buf, 0, n);
                        }
                    } catch (IOException e) {
                        // one side closed; closing both below ends the other direction too
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(RecordingProxy::closeQuietly);
    }
}
