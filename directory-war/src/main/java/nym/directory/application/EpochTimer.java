package nym.directory.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Runs {@link EpochService#tick} every second on every instance. Non-persistent on purpose: each authority must sign
 * on its own instance, so the timer must not be shared across the group as persistent timers are. Bean-managed
 * concurrency: a round that outlasts a second (reachability probes) makes the next timeout return at once instead of
 * queueing behind a container lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EpochTimer {

    @Inject
    EpochService epochs;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void everySecond() {
        epochs.tick();
    }
}
