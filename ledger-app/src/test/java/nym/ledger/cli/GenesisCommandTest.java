package nym.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nym.ledger.comet.GenesisDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void genesisInto_cometbftTestnetGenesis_keepsValidatorsAndSetsAppState(@TempDir Path dir) throws Exception {
        Path dev = dir.resolve("dev.json");
        assertEquals(0, Main.commandLine().execute("genesis", "--out", dev.toString(), "--dev-accounts", "3"));
        Path comet = dir.resolve("genesis.json");
        Files.writeString(comet, "{\"chain_id\":\"chain-abc\",\"validators\":[{\"power\":\"10\"}],\"app_hash\":\"\"}");
        assertEquals(
                0, Main.commandLine().execute("genesis", "--into", comet.toString(), "--app-state", dev.toString()));
        JsonNode g = JSON.readTree(comet.toFile());
        assertEquals("chain-abc", g.get("chain_id").asText());
        assertEquals(1, g.get("validators").size());
        assertEquals(3, g.get("app_state").get("accounts").size());
        assertEquals("chain-abc", GenesisDoc.read(comet).chainId());
    }

    @Test
    void genesisInto_invalidAppState_refusedAndFileUnchanged(@TempDir Path dir) throws Exception {
        Path comet = dir.resolve("genesis.json");
        String before = "{\"chain_id\":\"c\",\"app_state\":{}}";
        Files.writeString(comet, before);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"watcher_threshold\":5,\"watchers\":[]}");
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("genesis", "--into", comet.toString(), "--app-state", bad.toString()));
        assertTrue(err.toString().contains("BAD_GENESIS"), err.toString());
        assertEquals(before, Files.readString(comet));
    }
}
