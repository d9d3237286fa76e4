package nym.client.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import nym.client.ClientException;
import nym.client.keys.ClientKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientHomeTest {

    @TempDir
    Path tmp;

    @Test
    void writeKeysReadKeys_identityAndEncryptionKey_roundTripInOwnerOnlyFiles() throws Exception {
        ClientHome home = new ClientHome(tmp.resolve("c"));
        ClientKeys keys = ClientKeys.generate(new SecureRandom());
        home.writeKeys(keys);
        ClientKeys read = home.readKeys();
        assertArrayEquals(keys.identity().publicKey(), read.identity().publicKey());
        assertArrayEquals(keys.encryption().publicKey(), read.encryption().publicKey());
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(home.encryptionKeyFile()));
        assertTrue(home.isInitialised());
    }

    @Test
    void isInitialised_onlyAnEncryptionKey_trueAndNotOverwritten() {
        ClientHome home = new ClientHome(tmp.resolve("c"));
        home.writeKeys(ClientKeys.generate(new SecureRandom()));
        assertTrue(home.isInitialised());
        assertThrows(ClientException.class, () -> home.writeKeys(ClientKeys.generate(new SecureRandom())));
    }
}
