package nym.ledger.comet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * Where the {@code cometbft} executable is: system property {@code nym.cometbft}, else environment variable
 * {@code NYM_COMETBFT}, else {@code .tools/cometbft/cometbft} in this or a parent folder of the working directory
 * (where {@code make cometbft} installs the pinned version with {@code go install}), else {@code cometbft} on the PATH.
 */
public final class CometBinary {
    static final String INSTALL_HINT = "run `make cometbft` in the project root (go install from the Go module proxy),"
            + " or set NYM_COMETBFT to a CometBFT v0.38 executable";

    private CometBinary() {}

    public static Path locate() {
        return configured()
                .or(CometBinary::inProjectTools)
                .or(CometBinary::onPath)
                .orElseThrow(() -> new LedgerException(Kind.UNAVAILABLE, "CometBFT not found: " + INSTALL_HINT));
    }

    private static Optional<Path> configured() {
        String named = System.getProperty("nym.cometbft", System.getenv("NYM_COMETBFT"));
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(named);
        if (!Files.isExecutable(p)) {
            throw new LedgerException(Kind.UNAVAILABLE, "CometBFT at " + p + " is not an executable file");
        }
        return Optional.of(p);
    }

    private static Optional<Path> inProjectTools() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".tools/cometbft/cometbft");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "cometbft");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
