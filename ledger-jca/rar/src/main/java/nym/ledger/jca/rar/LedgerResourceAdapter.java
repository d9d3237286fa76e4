package nym.ledger.jca.rar;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The resource adapter to the CometBFT ledger. Skeleton until issue 8 lands: it deploys inside the EAR and keeps
 * the container's bootstrap context; outbound connections and inbound activations are still to come, and an
 * activation is refused rather than silently ignored.
 */
@Connector(
    displayName = "Nym ledger adapter",
    vendorName = "Nym",
    eisType = "CometBFT ledger",
    version = "0.1.0",
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class LedgerResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(LedgerResourceAdapter.class.getName());

  private BootstrapContext bootstrap;

  @Override
  public void start(BootstrapContext context) {
    this.bootstrap = context;
    LOG.info("ledger resource adapter started");
  }

  @Override
  public void stop() {
    bootstrap = null;
    LOG.info("ledger resource adapter stopped");
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceAdapterInternalException {
    throw new ResourceAdapterInternalException("inbound ledger events are not implemented yet");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {}

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
