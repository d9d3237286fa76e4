/**
 * What EJBs compile against to reach the ledger through the resource adapter (scope provided). Filled by issue 8:
 * the connection factory, connection, listener, event and exception types.
 */
package nym.ledger.jca;
