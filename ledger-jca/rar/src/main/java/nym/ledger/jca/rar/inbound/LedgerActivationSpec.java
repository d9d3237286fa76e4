package nym.ledger.jca.rar.inbound;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import nym.ledger.jca.LedgerException;
import nym.ledger.jca.LedgerListener;

/**
 * What an MDB receives: transactions matching {@code query} after the consumer's cursor (else from
 * {@code startHeight}), each of their events (optionally only {@code eventTypes}) delivered in chain order. See the
 * README for every property.
 */
@Activation(messageListeners = LedgerListener.class)
public class LedgerActivationSpec implements ActivationSpec {

    private String query = "";
    private Long startHeight = 1L;
    private String eventTypes = "";
    private String subscriberId = "";
    private String nodeUrls = "";
    private Integer timeoutMillis = 10_000;
    private Integer retryMillis = 2_000;
    private Integer idleReconnectMillis = 60_000;
    private Integer maxDeliveries = 5;
    private Integer queueCapacity = 1000;
    private ResourceAdapter resourceAdapter;

    @ConfigProperty(
            description =
                    "Query on transaction events: <type>.<attribute> EXISTS or <type>.<attribute> = '<text>', "
                            + "joined by AND, e.g. credential_request.value EXISTS (tm.event='Tx' is added for the subscription)")
    public void setQuery(String query) {
        this.query = query == null ? "" : query.trim();
    }

    public String getQuery() {
        return query;
    }

    @ConfigProperty(
            defaultValue = "1",
            description = "First block height to deliver when the consumer has no cursor yet")
    public void setStartHeight(Long startHeight) {
        this.startHeight = startHeight;
    }

    public Long getStartHeight() {
        return startHeight;
    }

    @ConfigProperty(
            description = "Comma-separated event types to deliver; empty: every event of a matching transaction")
    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes == null ? "" : eventTypes;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    @ConfigProperty(
            description =
                    "Name of this consumer in logs, JMX and its dead-letter file; empty: the endpoint's activation name")
    public void setSubscriberId(String subscriberId) {
        this.subscriberId = subscriberId == null ? "" : subscriberId.trim();
    }

    public String getSubscriberId() {
        return subscriberId;
    }

    @ConfigProperty(description = "Comma-separated CometBFT RPC URLs; empty: the adapter's nodeUrls")
    public void setNodeUrls(String nodeUrls) {
        this.nodeUrls = nodeUrls == null ? "" : nodeUrls.trim();
    }

    public String getNodeUrls() {
        return nodeUrls;
    }

    @ConfigProperty(defaultValue = "10000", description = "Deadline of one RPC call (status, block_results), ms")
    public void setTimeoutMillis(Integer timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public Integer getTimeoutMillis() {
        return timeoutMillis;
    }

    @ConfigProperty(
            defaultValue = "2000",
            description =
                    "Pause before reconnecting, and before the first redelivery of a refused event (doubling), ms")
    public void setRetryMillis(Integer retryMillis) {
        this.retryMillis = retryMillis;
    }

    public Integer getRetryMillis() {
        return retryMillis;
    }

    @ConfigProperty(
            defaultValue = "60000",
            description = "Reconnect (with backfill) after this long without any websocket message, ms")
    public void setIdleReconnectMillis(Integer idleReconnectMillis) {
        this.idleReconnectMillis = idleReconnectMillis;
    }

    public Integer getIdleReconnectMillis() {
        return idleReconnectMillis;
    }

    @ConfigProperty(
            defaultValue = "5",
            description = "Attempts to deliver an event the consumer keeps refusing before it becomes a dead letter")
    public void setMaxDeliveries(Integer maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    public Integer getMaxDeliveries() {
        return maxDeliveries;
    }

    @ConfigProperty(
            defaultValue = "1000",
            description = "Websocket events queued before delivery; when full the socket is dropped and the stream "
                    + "catches up from block_results")
    public void setQueueCapacity(Integer queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public Integer getQueueCapacity() {
        return queueCapacity;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (query.isEmpty()) {
            throw new InvalidPropertyException("query is required (e.g. credential_request.value EXISTS)");
        }
        try {
            TxQuery.parse(query);
        } catch (LedgerException e) {
            throw new InvalidPropertyException(e.getMessage());
        }
        if (startHeight == null || startHeight < 1) {
            throw new InvalidPropertyException("startHeight must be >= 1");
        }
        if (maxDeliveries == null || maxDeliveries < 1 || queueCapacity == null || queueCapacity < 1) {
            throw new InvalidPropertyException("maxDeliveries >= 1, queueCapacity >= 1");
        }
        if (timeoutMillis == null
                || timeoutMillis < 1
                || retryMillis == null
                || retryMillis < 0
                || idleReconnectMillis == null
                || idleReconnectMillis < 1000) {
            throw new InvalidPropertyException("timeoutMillis >= 1, retryMillis >= 0, idleReconnectMillis >= 1000");
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }
}
