package nym.ledger.jca.rar.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerException;
import org.junit.jupiter.api.Test;

/** The managed connection's contract with the container, without a container. */
class ManagedConnectionTest {

    private static LedgerManagedConnectionFactory factory(String nodes) {
        LedgerManagedConnectionFactory f = new LedgerManagedConnectionFactory();
        f.setNodeUrls(nodes);
        return f;
    }

    @Test
    void close_handle_containerToldAndHandleUnusable() throws Exception {
        LedgerManagedConnection mc =
                (LedgerManagedConnection) factory("http://127.0.0.1:1").createManagedConnection(null, null);
        List<ConnectionEvent> events = new ArrayList<>();
        mc.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                events.add(event);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {}

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {}

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {}

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {}
        });
        LedgerConnection handle = (LedgerConnection) mc.getConnection(null, null);

        handle.close();

        assertEquals(1, events.size());
        assertSame(handle, events.get(0).getConnectionHandle());
        assertEquals(
                LedgerException.Kind.CLOSED,
                assertThrows(LedgerException.class, handle::status).kind());
    }

    @Test
    void cleanup_openHandle_invalidated() throws Exception {
        LedgerManagedConnection mc =
                (LedgerManagedConnection) factory("http://127.0.0.1:1").createManagedConnection(null, null);
        LedgerConnection handle = (LedgerConnection) mc.getConnection(null, null);

        mc.cleanup();

        assertEquals(
                LedgerException.Kind.CLOSED,
                assertThrows(LedgerException.class, handle::status).kind());
    }

    @Test
    void match_connectionOfThisFactory_reused() throws Exception {
        LedgerManagedConnectionFactory f = factory("http://127.0.0.1:1");
        LedgerManagedConnection mc = (LedgerManagedConnection) f.createManagedConnection(null, null);

        assertSame(mc, f.matchManagedConnections(Set.of(mc), null, null));
        assertEquals(null, factory("http://127.0.0.1:2").matchManagedConnections(Set.of(mc), null, null));
    }

    @Test
    void equals_sameProperties_equalFactories() {
        assertEquals(factory("http://a:1"), factory("http://a:1"));
        assertEquals(factory("http://a:1").hashCode(), factory("http://a:1").hashCode());
        assertNotEquals(factory("http://a:1"), factory("http://a:2"));
    }

    @Test
    void createManagedConnection_badUrl_configurationError() {
        var e = assertThrows(
                jakarta.resource.ResourceException.class,
                () -> factory("ftp://nowhere").createManagedConnection(null, null));

        assertEquals(LedgerException.Kind.CONFIGURATION, ((LedgerException) e.getCause()).kind());
    }
}
