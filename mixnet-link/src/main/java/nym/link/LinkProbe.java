package nym.link;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * Asks a listener whether it holds the identity key it is known by, without opening a link: a blocking Noise_XK
 * handshake as initiator up to message 2. Message 1 is encrypted to the listener's static key (es) and message 2
 * decrypts only with the secret of that key, so a listener that answers with a message 2 that decrypts holds its
 * identity key at that address. The probe sends no message 3 (listeners refuse unknown initiators there anyway) and
 * uses a fresh static key per probe, so a probe names nobody.
 *
 * <p>Blocking, for callers outside Netty (the directory checks nodes before listing them). Thread-safe: each probe
 * has its own socket and handshake state.
 */
public final class LinkProbe {

    /**
     * What a probe found.
     *
     * @param answered true if the listener completed message 2 with the expected key
     * @param reason why not (empty when answered); never names an address or key
     */
    public record Result(boolean answered, String reason) {
        static final Result ANSWERED = new Result(true, "");

        static Result refused(String reason) {
            return new Result(false, reason);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LinkSettings settings;
    private final int timeoutMillis;

    /**
     * @param kind the link kind the listener serves (its prologue, e.g. {@code "mix"})
     * @param timeout for connecting, and again for the whole exchange after that
     */
    public LinkProbe(String kind, Duration timeout) {
        // Cell sizes play no part before the handshake ends; the settings carry the prologue.
        this.settings = LinkSettings.of(kind, 1, 1);
        this.timeoutMillis = Math.toIntExact(Math.max(1, timeout.toMillis()));
    }

    /** @param responderStatic the listener's X25519 link key ({@link LinkKeys#x25519PublicKey} of its identity) */
    public Result probe(InetSocketAddress address, byte[] responderStatic) {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            return Result.refused("host does not resolve");
        }
        byte[] seed = new byte[LinkKeys.KEY_BYTES];
        RANDOM.nextBytes(seed);
        NoiseHandshake handshake = NoiseHandshake.initiator(settings, LinkKeys.fromEd25519Seed(seed), responderStatic);
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            writeFrame(socket.getOutputStream(), handshake.write());
            byte[] message2 = readFrame(socket, deadline, handshake.expectedLength());
            try {
                handshake.read(message2);
            } catch (LinkException e) {
                return Result.refused("message 2 does not decrypt: the listener does not hold the expected key");
            }
            return Result.ANSWERED;
        } catch (ConnectException e) {
            return Result.refused("connection refused");
        } catch (SocketTimeoutException e) {
            return Result.refused("no answer within " + timeoutMillis + " ms");
        } catch (EOFException e) {
            return Result.refused("closed before message 2 (the listener could not read message 1: another key?)");
        } catch (LinkException e) {
            return Result.refused(e.getMessage());
        } catch (IOException e) {
            return Result.refused("I/O error: " + e.getClass().getSimpleName());
        } finally {
            handshake.destroy();
        }
    }

    private static void writeFrame(OutputStream out, byte[] body) throws IOException {
        byte[] frame = new byte[LinkFrames.LENGTH_BYTES + body.length];
        frame[0] = (byte) (body.length >>> 8);
        frame[1] = (byte) body.length;
        System.arraycopy(body, 0, frame, LinkFrames.LENGTH_BYTES, body.length);
        out.write(frame);
        out.flush();
    }

    /** Reads one frame whose body must be {@code expected} bytes, within the deadline however the bytes trickle in. */
    private static byte[] readFrame(Socket socket, long deadline, int expected) throws IOException {
        DataInputStream in = new DataInputStream(new DeadlineInput(socket, deadline));
        int length = in.readUnsignedShort();
        if (length != expected) {
            throw new LinkException(
                    LinkException.Kind.GARBLED_HANDSHAKE,
                    "handshake message 2 has " + length + " bytes, not " + expected);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    /** A socket's input whose every read waits at most until the deadline. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            return in.read(b, off, len);
        }
    }
}
