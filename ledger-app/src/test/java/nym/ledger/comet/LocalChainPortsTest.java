package nym.ledger.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalChainPortsTest {

    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void ephemeralRangeStart_procfs_isTheWholeFirstNumber() throws Exception {
        assertTrue(Files.exists(RANGE), "these tests run on Linux");
        try (BufferedReader r = Files.newBufferedReader(RANGE)) {
            assertEquals(Integer.parseInt(r.readLine().trim().split("\\s+")[0]), LocalChain.ephemeralRangeStart());
        }
    }

    @Test
    void freePort_manyCalls_allBelowTheEphemeralRange() throws Exception {
        int start = LocalChain.ephemeralRangeStart();
        for (int i = 0; i < 50; i++) {
            int port = LocalChain.freePort();
            assertTrue(port >= 10_000 && port < start, port + " is not in [10000, " + start + ")");
        }
    }
}
