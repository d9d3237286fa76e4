package nym.ledger.jca.rar.inbound;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Optional;
import nym.ledger.jca.EventId;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerListener;

/**
 * The MDB behind an activation as an {@link EventStream.Sink}: each call through an endpoint of the container's
 * pool, so each runs in its own container transaction (the consumer's cursor commits with its effect).
 */
public final class EndpointSink implements EventStream.Sink {

    private final MessageEndpointFactory factory;

    public EndpointSink(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    @Override
    public Optional<EventId> lastDelivered() throws Exception {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            return ((LedgerListener) endpoint).lastDelivered();
        } finally {
            endpoint.release();
        }
    }

    @Override
    public void deliver(LedgerEvent event) throws Exception {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            ((LedgerListener) endpoint).onEvent(event);
        } finally {
            endpoint.release();
        }
    }
}
