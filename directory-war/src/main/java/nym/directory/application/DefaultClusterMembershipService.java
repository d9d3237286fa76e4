package nym.directory.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import nym.directory.domain.cluster.ClusterMember;
import nym.directory.domain.cluster.ClusterMemberRepository;

/**
 * Heartbeats this instance into the shared database every {@value #HEARTBEAT_SECONDS} seconds (a non-persistent
 * timer: each instance beats for itself) and answers which instances are alive.
 */
@Startup
@Singleton
public class DefaultClusterMembershipService implements ClusterMembershipService {

    static final int HEARTBEAT_SECONDS = 5;

    /** Three missed heartbeats and an instance counts as gone. */
    static final Duration LIVENESS_WINDOW = Duration.ofSeconds(3L * HEARTBEAT_SECONDS);

    private static final Logger LOG = Logger.getLogger(DefaultClusterMembershipService.class.getName());

    @Inject
    ClusterMemberRepository members;

    @Inject
    InstanceIdentity identity;

    private final Clock clock = Clock.systemUTC();
    private Instant startedAt;

    @PostConstruct
    void join() {
        startedAt = clock.instant();
        heartbeat();
        LOG.info(() -> "instance " + identity.instanceName() + " (authority " + identity.authority() + ") joined");
    }

    @Override
    @Schedule(second = "*/" + HEARTBEAT_SECONDS, minute = "*", hour = "*", persistent = false)
    public void heartbeat() {
        members.heartbeat(identity.instanceName(), identity.authority(), startedAt, clock.instant());
    }

    @Override
    public List<ClusterMember> liveMembers() {
        return members.seenSince(clock.instant().minus(LIVENESS_WINDOW));
    }
}
