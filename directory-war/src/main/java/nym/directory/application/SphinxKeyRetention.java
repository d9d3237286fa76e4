package nym.directory.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import nym.directory.domain.node.NodeRepository;

/**
 * Deletes announced Sphinx keys of epochs long past, every minute on every instance (idempotent). Kept for
 * {@value #KEPT_EPOCHS} epochs, so a key stays bound to its node well beyond its use (a day with hourly epochs).
 */
@Singleton
public class SphinxKeyRetention {

    static final long KEPT_EPOCHS = 24;

    @Inject
    NodeRepository nodes;

    @Inject
    AuthorityKeys authorities;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void prune() {
        nodes.deleteKeysBefore(authorities.currentEpoch() - KEPT_EPOCHS);
    }
}
