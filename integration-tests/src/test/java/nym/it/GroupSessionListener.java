package nym.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Closes the run's {@link AuthorityGroup} when the JUnit launcher session of the test JVM ends, after the last group
 * test class (registered in META-INF/services; failsafe opens one session per forked JVM). The validators and anvil
 * are processes of this JVM's: they must not outlive it.
 */
public final class GroupSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            AuthorityGroup.closeShared();
        } catch (Exception e) {
            throw new IllegalStateException("closing the deployment group failed", e);
        }
    }
}
