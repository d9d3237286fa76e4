package nym.provider.infrastructure.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nym.ledger.Hex;
import nym.ledger.tx.Secp256k1;
import nym.provider.domain.provider.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderKeyFilesTest {

    @TempDir
    Path home;

    private void write(String folder, String key) throws IOException {
        Path dir = Files.createDirectories(home.resolve("providers").resolve(folder));
        Files.writeString(dir.resolve("provider.key"), key + "\n");
    }

    @Test
    void read_treeWithProviders_orderedByIndexWithTheirAddresses() throws IOException {
        String k2 = "22".repeat(32);
        String k10 = "0a".repeat(32);
        write("provider-10", k10);
        write("provider-2", k2);
        Files.createDirectories(home.resolve("providers").resolve("not-a-provider"));

        List<Provider> providers = ProviderKeyFiles.read(home);

        assertEquals(List.of(2, 10), providers.stream().map(Provider::index).toList());
        assertEquals(
                Secp256k1.KeyPair.of(Hex.parse(k2)).address().length,
                providers.get(0).binding().length);
        assertEquals(
                Hex.prefixed(Secp256k1.KeyPair.of(Hex.parse(k10)).address()),
                providers.get(1).address());
    }

    @Test
    void read_noProvidersFolder_none() {
        assertTrue(ProviderKeyFiles.read(home).isEmpty());
    }

    @Test
    void read_badKeyFile_failsNamingTheFileNotTheKey() throws IOException {
        String secretish = "zz" + "33".repeat(31);
        write("provider-1", secretish);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProviderKeyFiles.read(home));
        assertTrue(e.getMessage().contains("provider-1"));
        assertFalse(e.getMessage().contains(secretish));
    }

    @Test
    void read_keyOutOfRange_fails() throws IOException {
        write("provider-1", "00".repeat(32));
        assertThrows(IllegalStateException.class, () -> ProviderKeyFiles.read(home));
    }
}
