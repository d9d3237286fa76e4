package nym.directory.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /ws}: a read-only stream of accepted mix metrics reports (one JSON {@code MixMetricsReport} per text
 * message), from every instance of the group. What clients send is ignored.
 */
@ServerEndpoint("/ws")
public class MetricsStreamEndpoint {

    /** Larger client messages close the session; smaller ones are read and dropped. */
    static final int MAX_CLIENT_MESSAGE = 1024;

    @Inject
    MetricsStreamHub hub;

    @OnOpen
    public void open(Session session) {
        session.setMaxTextMessageBufferSize(MAX_CLIENT_MESSAGE);
        session.setMaxBinaryMessageBufferSize(MAX_CLIENT_MESSAGE);
        hub.add(session);
    }

    @OnMessage
    public void ignore(String message) {
        // Read-only: the original directory re-broadcast what clients sent; this one drops it.
    }

    @OnMessage
    public void ignore(byte[] message) {
        // Binary frames are dropped too.
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        hub.remove(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        hub.remove(session);
    }
}
