package nym.directory.infrastructure.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import nym.directory.api.Json;
import nym.directory.api.MixMetricsReport;
import nym.directory.application.LiveMetricsSubscribers;
import nym.directory.application.MetricsAccepted;

/**
 * Fans accepted metrics out to the WebSocket subscribers of every instance through a topic of Payara's data grid
 * (Hazelcast, JNDI {@value #HAZELCAST_JNDI}). A report is published after its transaction commits; every instance,
 * this one included, receives it from the topic and delivers it to its own subscribers. Where the data grid is
 * disabled, reports reach this instance's subscribers only.
 */
@ApplicationScoped
public class HazelcastMetricsBus {

    static final String HAZELCAST_JNDI = "payara/Hazelcast";
    static final String TOPIC = "nym.directory.metrics";

    private static final Logger LOG = Logger.getLogger(HazelcastMetricsBus.class.getName());

    @Inject
    LiveMetricsSubscribers subscribers;

    /** Deliveries leave Hazelcast's event thread at once and run with the application's context. */
    @Resource
    ManagedExecutorService executor;

    private ITopic<String> topic;
    private UUID registration;

    /** Subscribes when the application starts, so an instance hears the topic before anyone posts to it. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            HazelcastInstance hazelcast = (HazelcastInstance) new InitialContext().lookup(HAZELCAST_JNDI);
            ITopic<String> t = hazelcast.getTopic(TOPIC);
            LiveMetricsSubscribers target = subscribers;
            ManagedExecutorService deliveries = executor;
            registration = t.addMessageListener(message -> {
                String json = message.getMessageObject();
                deliveries.execute(() -> target.deliver(json));
            });
            topic = t;
            LOG.info(() -> "metrics fan-out through the data grid topic " + TOPIC);
        } catch (NamingException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "no data grid (" + e + "): metrics reach this instance's WebSocket subscribers only");
        }
    }

    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetricsAccepted event) {
        var r = event.report();
        String json = new String(
                Json.write(new MixMetricsReport(
                        r.identityKey(), r.received(), r.sent(), r.dropped(), r.intervalMillis(), r.acceptedAt())),
                StandardCharsets.UTF_8);
        if (topic == null) {
            subscribers.deliver(json);
            return;
        }
        try {
            topic.publish(json);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "data grid publish failed, delivering locally only", e);
            subscribers.deliver(json);
        }
    }

    @PreDestroy
    void stop() {
        if (topic != null && registration != null) {
            try {
                topic.removeMessageListener(registration);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "removing the topic listener", e);
            }
        }
    }
}
