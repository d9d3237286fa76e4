package nym.ledger.jca.rar.outbound;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import nym.ledger.jca.LedgerConnection;
import nym.ledger.jca.LedgerConnectionFactory;
import nym.ledger.jca.LedgerException;

/** The factory the application looks up; connections come from the container's pool through its manager. */
public class LedgerConnectionFactoryImpl implements LedgerConnectionFactory, Referenceable {

    private static final long serialVersionUID = 1L;

    private final LedgerManagedConnectionFactory mcf;
    private final transient ConnectionManager manager;
    private Reference reference;

    LedgerConnectionFactoryImpl(LedgerManagedConnectionFactory mcf, ConnectionManager manager) {
        this.mcf = mcf;
        this.manager = manager;
    }

    @Override
    public LedgerConnection getConnection() throws LedgerException {
        try {
            if (manager == null) {
                // Outside a container (non-managed): one managed connection per handle.
                return (LedgerConnection)
                        mcf.createManagedConnection(null, null).getConnection(null, null);
            }
            return (LedgerConnection) manager.allocateConnection(mcf, null);
        } catch (ResourceException e) {
            Throwable c = e.getCause();
            if (c instanceof LedgerException le) {
                throw le;
            }
            throw new LedgerException(
                    LedgerException.Kind.UNAVAILABLE, "no ledger connection from the pool: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
