package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import nym.directory.domain.node.NodeRepository;
import nym.directory.domain.node.SignedPresence;

/** One transaction per batch of presences (see {@link PresenceGroupCommit}); committed before anyone is answered. */
@ApplicationScoped
public class PresenceTransactions {

    @Inject
    NodeRepository nodes;

    /** @return the identity keys stored */
    @Transactional
    public Set<String> store(List<SignedPresence> batch) {
        return nodes.upsertPresences(batch);
    }
}
