package nym.directory.application;

import java.util.List;
import nym.directory.domain.cluster.ClusterMember;

/** Which application instances are alive on the shared database. */
public interface ClusterMembershipService {

    /** Records this instance's heartbeat. */
    void heartbeat();

    /** The instances that sent a heartbeat within the liveness window. */
    List<ClusterMember> liveMembers();
}
