package nym.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** payara-config's script with this process's environment (the test domain's); fails on a non-zero exit. */
final class PayaraScript {

    private PayaraScript() {}

    static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.payaraScript().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.print(output);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "nym-payara " + String.join(" ", args) + " hung");
        assertEquals(0, process.exitValue(), "nym-payara " + String.join(" ", args) + " failed:\n" + output);
        return output;
    }
}
