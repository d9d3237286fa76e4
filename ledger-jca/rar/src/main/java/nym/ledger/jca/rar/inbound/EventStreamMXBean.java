package nym.ledger.jca.rar.inbound;

/**
 * What an event stream shows operators over JMX ({@code nym.ledger.jca:type=EventStream,subscriber=<name>}):
 * where it is and what went wrong since it started.
 */
public interface EventStreamMXBean {

    String getSubscriber();

    /** The id of the last event delivered or dead-lettered (text form), empty before the first. */
    String getLastDelivered();

    /** The last height whose events were all delivered. */
    long getLastCompleteHeight();

    long getDelivered();

    /** Events recorded as dead letters since the stream started (the file keeps all of them). */
    long getDeadLetters();

    /** Failed deliveries that were offered again. */
    long getRedeliveries();

    /** Websocket subscriptions that ended and were opened again (node down, restarted, overflowed). */
    long getReconnects();

    /** Subscriptions dropped because their queue was full. */
    long getQueueOverflows();
}
