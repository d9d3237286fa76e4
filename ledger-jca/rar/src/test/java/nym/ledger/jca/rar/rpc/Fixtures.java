package nym.ledger.jca.rar.rpc;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real CometBFT v0.38 captures in ../shared/fixtures (override with -Dnym.fixtures=…). */
final class Fixtures {

    private Fixtures() {}

    static Path dir() {
        Path p = Path.of(System.getProperty("nym.fixtures", "../../../shared/fixtures/cometbft-rpc/cometbft-v0.38"));
        Assumptions.assumeTrue(Files.isDirectory(p), "CometBFT fixtures not found at " + p.toAbsolutePath());
        return p;
    }

    static String text(String name) throws IOException {
        return Files.readString(dir().resolve(name + ".response.json"));
    }

    static JsonObject answer(String name) throws IOException {
        JsonObject o = RpcClient.parse(text(name));
        if (o == null) {
            throw new IOException(name + " is not a JSON object");
        }
        return o;
    }
}
