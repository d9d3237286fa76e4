package nym.ledger.jca;

import java.io.Serializable;

/**
 * The connection factory the adapter gives the application, injected with
 * {@code @Resource(lookup = "java:app/ledger/ConnectionFactory")} (or where the deployment defines it).
 */
public interface LedgerConnectionFactory extends Serializable {

    /** A connection handle from the container's pool. */
    LedgerConnection getConnection() throws LedgerException;
}
