package nym.ledger.abci;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;
import nym.ledger.abci.proto.Abci.Request;
import nym.ledger.abci.proto.Abci.RequestFlush;
import nym.ledger.abci.proto.Abci.Response;

/**
 * One ABCI socket connection, client side, as CometBFT's socket client uses it: requests are pipelined, a Flush
 * request follows each synchronous call, and responses are matched to requests by order. A reader thread
 * completes the futures.
 */
public final class AbciClient implements AutoCloseable {
    private static final Request FLUSH =
            Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build();

    private final Socket socket;
    private final OutputStream out;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Thread reader;
    private volatile IOException failure;

    private record Pending(Request.ValueCase expected, CompletableFuture<Response> future) {}

    public AbciClient(InetSocketAddress address, String name) {
        try {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        } catch (IOException e) {
            throw new LedgerException(
                    Kind.UNAVAILABLE, "cannot connect to ABCI app at " + address + ": " + e.getMessage(), e);
        }
        InputStream in;
        try {
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        } catch (IOException e) {
            throw new LedgerException(Kind.UNAVAILABLE, e.getMessage(), e);
        }
        reader = new Thread(() -> readLoop(in), "abci-client-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a request without flushing; the future completes when its response arrives. */
    public CompletableFuture<Response> sendAsync(Request req) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        synchronized (this) {
            if (failure != null) {
                f.completeExceptionally(failure);
                return f;
            }
            pending.addLast(new Pending(req.getValueCase(), f));
            try {
                int size = req.getSerializedSize();
                Varint.write(out, size);
                req.writeTo(out);
            } catch (IOException e) {
                fail(e);
            }
        }
        return f;
    }

    /** Sends Flush and pushes everything buffered onto the socket. */
    public CompletableFuture<Response> flush() {
        CompletableFuture<Response> f = sendAsync(FLUSH);
        synchronized (this) {
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
        return f;
    }

    /** A synchronous call: request, Flush, wait for the response (ResponseException becomes an error). */
    public Response call(Request req) {
        CompletableFuture<Response> f = sendAsync(req);
        flush();
        Response r = await(f, 60);
        if (r.hasException()) {
            throw new LedgerException(
                    Kind.PROTOCOL,
                    "ABCI app answered " + req.getValueCase() + " with exception: "
                            + r.getException().getError());
        }
        return r;
    }

    public static Response await(CompletableFuture<Response> f, long seconds) {
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Kind.UNAVAILABLE, "interrupted waiting for the ABCI app");
        } catch (ExecutionException e) {
            throw new LedgerException(
                    Kind.UNAVAILABLE, "ABCI connection failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new LedgerException(Kind.UNAVAILABLE, "ABCI app did not answer within " + seconds + " s");
        }
    }

    private void readLoop(InputStream in) {
        try {
            while (true) {
                long len = Varint.read(in);
                if (len < 0) {
                    throw new IOException("ABCI app closed the connection");
                }
                if (len > Varint.MAX_MESSAGE) {
                    throw new IOException("response of " + len + " bytes too large");
                }
                byte[] buf = in.readNBytes((int) len);
                if (buf.length != len) {
                    throw new IOException("ABCI app closed the connection mid-message");
                }
                Response r = Response.parseFrom(buf);
                Pending p;
                synchronized (this) {
                    p = pending.pollFirst();
                }
                if (p == null) {
                    throw new IOException("unsolicited ABCI response " + r.getValueCase());
                }
                if (!r.hasException() && !matches(p.expected(), r.getValueCase())) {
                    throw new IOException(
                            "ABCI response " + r.getValueCase() + " out of order, expected a reply to " + p.expected());
                }
                p.future().complete(r);
            }
        } catch (IOException e) {
            synchronized (this) {
                fail(e);
            }
        }
    }

    private static boolean matches(Request.ValueCase req, Response.ValueCase resp) {
        return resp.name().equals(req.name());
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        Pending p;
        while ((p = pending.pollFirst()) != null) {
            p.future().completeExceptionally(e);
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    public boolean isOpen() {
        return failure == null && !socket.isClosed();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (failure == null) {
                failure = new IOException("client closed");
            }
            Pending p;
            while ((p = pending.pollFirst()) != null) {
                p.future().completeExceptionally(failure);
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
