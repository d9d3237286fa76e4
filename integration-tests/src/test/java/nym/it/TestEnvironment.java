package nym.it;

import java.net.URI;
import java.nio.file.Path;

/** Where the test domain is: set by integration-tests/bin/run through failsafe's system properties. */
final class TestEnvironment {

    private TestEnvironment() {}

    static Path ear() {
        return Path.of(required("nym.ear"));
    }

    /** The runnable ledger-app jar, for tests that start ledger validators. */
    static Path ledgerAppJar() {
        return Path.of(required("nym.ledger.jar"));
    }

    static Path payaraScript() {
        return Path.of(required("nym.payara.script"));
    }

    /** The DAS's HTTP listener, where Arquillian deploys. */
    static URI das() {
        return URI.create(required("nym.das.http"));
    }

    static int instances() {
        return Integer.parseInt(required("nym.instances"));
    }

    /** HTTP base of deployment-group instance {@code i} (1-based), as payara-config lays out the ports. */
    static URI instance(int i) {
        int portbase = Integer.parseInt(required("nym.instance.portbase"));
        return URI.create("http://127.0.0.1:" + (portbase + (i - 1) * 100 + 80));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: run these tests through integration-tests/bin/run");
        }
        return value;
    }
}
