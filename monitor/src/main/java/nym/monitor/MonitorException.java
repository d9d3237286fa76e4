package nym.monitor;

/** A refusal of the monitor (bad configuration, a step of init that failed); the CLI prints it and exits with 2. */
public final class MonitorException extends RuntimeException {

    public MonitorException(String message) {
        super(message);
    }

    public MonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
