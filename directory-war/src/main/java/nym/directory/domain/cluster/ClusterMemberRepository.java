package nym.directory.domain.cluster;

import java.time.Instant;
import java.util.List;

/** The instances that share the database. */
public interface ClusterMemberRepository {

    /** Records that {@code instanceName} is alive at {@code now}; {@code startedAt} is kept from its first heartbeat. */
    void heartbeat(String instanceName, int authority, Instant startedAt, Instant now);

    /** Members whose last heartbeat is at or after {@code since}, by instance name. */
    List<ClusterMember> seenSince(Instant since);
}
