package nym.logging;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The main of a fresh JVM in {@link JsonLogConfigTest}: logs the way the project's processes do. */
public final class LoggingProcess {
    private LoggingProcess() {}

    public static void main(String[] args) {
        Logger log = Logger.getLogger("nym.test.Process");
        log.log(Level.INFO, "started port={0}", 1711);
        log.log(Level.FINE, "below the default level, never written");
        log.log(Level.WARNING, "link down", new IllegalStateException("peer closed"));
    }
}
