package nym.verifier.application;

import java.time.Duration;

/** Waits before a vote is sent again: the thread sleeps in the server, tests record the pauses instead. */
@FunctionalInterface
public interface Pause {

    Pause SLEEP = d -> Thread.sleep(d.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
