package nym.watcher.interfaces.scheduling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import nym.watcher.domain.WatcherException;
import nym.watcher.infrastructure.config.WatcherConfiguration;
import org.junit.jupiter.api.Test;

class WatcherScheduleTest {

    /** An authority's configuration whose tree lacks the watcher key. */
    private static final class KeyMissing extends WatcherConfiguration {
        @Override
        public Optional<String> idleReason() {
            return Optional.empty();
        }

        @Override
        public void verify() {
            throw new WatcherException(WatcherException.Kind.CONFIGURATION, "missing authority-1/watcher.key");
        }
    }

    @Test
    void start_keysUnreadable_failedNotPollingAndNotReady() {
        WatcherSchedule schedule = new WatcherSchedule();
        schedule.config = new KeyMissing();
        // no executor, Ethereum node, ledger or database: a failed watcher must touch none of them

        schedule.start();

        assertTrue(schedule.stopped(), "readiness reports it");
        assertTrue(schedule.state().startsWith("failed: "), schedule.state());
        assertTrue(schedule.state().contains("watcher.key"), schedule.state());
    }

    @Test
    void start_noAuthority_idleAndReady() {
        WatcherSchedule schedule = new WatcherSchedule();
        schedule.config = new WatcherConfiguration() {
            @Override
            public Optional<String> idleReason() {
                return Optional.of("no authority index (nym.authority.index)");
            }
        };

        schedule.start();

        assertFalse(schedule.stopped());
        assertTrue(schedule.state().startsWith("idle: "), schedule.state());
    }
}
