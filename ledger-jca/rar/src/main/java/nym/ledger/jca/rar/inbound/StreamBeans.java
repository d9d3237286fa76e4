package nym.ledger.jca.rar.inbound;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Registers each event stream in the platform MBean server as
 * {@code nym.ledger.jca:type=EventStream,subscriber=<name>} ({@link EventStreamMXBean}: dead letters, redeliveries,
 * reconnects, overflows, position), where Payara's JMX and monitoring tools see it. A failure to register only costs
 * the view, never the delivery.
 */
public final class StreamBeans {

    private static final Logger LOG = Logger.getLogger(StreamBeans.class.getName());

    private StreamBeans() {}

    public static ObjectName name(String subscriber) throws JMException {
        return new ObjectName("nym.ledger.jca:type=EventStream,subscriber=" + ObjectName.quote(subscriber));
    }

    public static void register(EventStream stream) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(stream, name(stream.getSubscriber()));
        } catch (JMException e) {
            LOG.log(Level.WARNING, "ledger event stream " + stream.getSubscriber() + " not shown over JMX", e);
        }
    }

    public static void unregister(EventStream stream) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name(stream.getSubscriber()));
        } catch (JMException e) {
            LOG.log(Level.FINE, "ledger event stream " + stream.getSubscriber() + " was not registered", e);
        }
    }
}
