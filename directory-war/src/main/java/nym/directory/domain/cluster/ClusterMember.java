package nym.directory.domain.cluster;

import java.time.Instant;

/**
 * One application instance as the shared database knows it.
 *
 * @param instanceName the Payara instance name ({@code server} for the DAS)
 * @param authority the authority index this instance runs (1..n), or 0 where it runs none
 * @param startedAt when the instance last started
 * @param lastSeen its latest heartbeat
 */
public record ClusterMember(String instanceName, int authority, Instant startedAt, Instant lastSeen) {}
