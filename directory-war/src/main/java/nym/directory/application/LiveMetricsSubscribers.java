package nym.directory.application;

/** Whatever delivers accepted metrics live on this instance (the {@code /ws} endpoint). */
public interface LiveMetricsSubscribers {

    /** Delivers one report, as JSON, to every subscriber of this instance without blocking. */
    void deliver(String reportJson);
}
