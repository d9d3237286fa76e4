package nym.localnet.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import picocli.CommandLine;

/** Runs the localnet commands as the scripts do, and reads what they wrote. */
final class TreeFixture {

    private TreeFixture() {}

    /** {@code localnet.jar <command> <args>}: its exit code and what it printed (standard output and error). */
    record Run(int exit, String output) {}

    static Run run(Object command, String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cmd = new CommandLine(command);
            cmd.setErr(new PrintWriter(err));
            exit = cmd.execute(args);
        } finally {
            System.setOut(original);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8) + err);
    }

    /** {@code localnet.jar build --out tree extra…}. */
    static Run tryBuild(Path tree, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--out";
        args[1] = tree.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return run(new NetworkTreeCommand(), args);
    }

    /** A tree written by {@code localnet.jar build --out tree extra…}, which must succeed. */
    static Run build(Path tree, String... extra) {
        Run run = tryBuild(tree, extra);
        assertEquals(0, run.exit(), run.output());
        return run;
    }

    static Secp256k1.KeyPair secp256k1(Path file) throws IOException {
        return Secp256k1.KeyPair.of(Hex.parse(Files.readString(file).strip(), 32, "key"));
    }

    static String text(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** Every regular file under {@code dir}, relative to it, sorted. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }
}
